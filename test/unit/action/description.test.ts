import type { INodeProperties, INodePropertyCollection, INodePropertyOptions } from 'n8n-workflow';
import { Kakiyo } from '../../../nodes/Kakiyo/Kakiyo.node';
import codex from '../../../nodes/Kakiyo/Kakiyo.node.json';
import packageJson from '../../../package.json';
import { kakiyoProperties, operationsOf } from '../../support/nodeDescription';

const node = new Kakiyo();
const { description } = node;

/**
 * The fields a user fills in for a parameter, at any depth: a collection's fields (the collection is
 * only a container), a fixedCollection and the fields of each of its groups, or the parameter itself.
 */
function fieldsOf(property: INodeProperties): INodeProperties[] {
	if (property.type === 'collection') {
		return (property.options as INodeProperties[]).flatMap(fieldsOf);
	}
	if (property.type === 'fixedCollection') {
		const groups = property.options as INodePropertyCollection[];
		return [property, ...groups.flatMap((group) => group.values.flatMap(fieldsOf))];
	}
	return [property];
}

describe('the Kakiyo node description', () => {
	it('is the Kakiyo action node, usable as an AI tool', () => {
		expect(description).toMatchObject({
			name: 'kakiyo',
			displayName: 'Kakiyo',
			icon: { light: 'file:../../icons/kakiyo.svg', dark: 'file:../../icons/kakiyo.dark.svg' },
			subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
			credentials: [{ name: 'kakiyoApi', required: true }],
			inputs: ['main'],
			outputs: ['main'],
			usableAsTool: true,
		});
	});

	it('is registered in package.json and described by its codex file', () => {
		expect(packageJson.n8n.nodes).toContain('dist/nodes/Kakiyo/Kakiyo.node.js');
		expect(codex.node).toBe(`${packageJson.name}.${description.name}`);
		expect(codex.resources.primaryDocumentation[0].url).toMatch(/^https:\/\//);
	});

	it('gives every operation an action for the tool form, and keeps resource and operation out of expressions', () => {
		for (const { option } of operationsOf()) {
			expect(option.action).toMatch(/^[A-Z]/);
			expect(option.description).toBeTruthy();
		}
		for (const property of kakiyoProperties().filter((p) =>
			['resource', 'operation'].includes(p.name),
		)) {
			expect(property.noDataExpression).toBe(true);
		}
	});

	it('describes every parameter and collection field, for users and AI agents', () => {
		const fields = kakiyoProperties()
			.filter((property) => !['resource', 'operation'].includes(property.name))
			.flatMap(fieldsOf);
		const undescribed = fields.filter((field) => !field.description).map((field) => field.name);
		expect(fields.map((field) => field.name)).toEqual(
			expect.arrayContaining(['fieldName', 'fieldValue']),
		);
		expect(undescribed).toEqual([]);
	});

	it('offers a picker with a list and an ID mode wherever an operation acts on one object', () => {
		const pickers = kakiyoProperties().filter((property) => property.type === 'resourceLocator');
		expect(pickers.length).toBeGreaterThan(0);
		for (const picker of pickers) {
			expect(picker.modes?.map((mode) => mode.name).slice(0, 2)).toEqual(['list', 'id']);
			expect(picker.modes?.[0].typeOptions?.searchListMethod).toBeTruthy();
			expect(picker.description).toBeTruthy();
		}
		const webhookPickers = pickers.filter((property) => property.name === 'webhookId');
		expect(webhookPickers.map((picker) => picker.displayOptions?.show)).toEqual([
			{ resource: ['webhook'], operation: ['delete'] },
			{ resource: ['webhook'], operation: ['get'] },
			{ resource: ['webhook'], operation: ['update'] },
		]);
	});

	it("follows n8n's Return All / Limit convention on every Get Many and Search", () => {
		const limits = kakiyoProperties().filter((property) => property.name === 'limit');
		const lists = operationsOf().filter(({ operation }) =>
			['getAll', 'search'].includes(operation),
		);
		expect(
			limits.map(
				(limit) =>
					`${limit.displayOptions?.show?.resource} ${limit.displayOptions?.show?.operation}`,
			),
		).toEqual(lists.map(({ resource, operation }) => `${resource} ${operation}`));
		for (const limit of limits) {
			expect(limit).toMatchObject({
				type: 'number',
				default: 50,
				typeOptions: { minValue: 1 },
				displayOptions: { show: { returnAll: [false] } },
			});
		}
	});

	it('has every loadOptions and listSearch method its parameters name', () => {
		const fields = kakiyoProperties().flatMap((property) => [
			property,
			...((property.options ?? []) as Array<
				INodeProperties | INodePropertyOptions | INodePropertyCollection
			>),
		]) as INodeProperties[];
		const loadOptions = fields.flatMap((field) => field.typeOptions?.loadOptionsMethod ?? []);
		const listSearch = fields.flatMap((field) =>
			(field.modes ?? []).flatMap((mode) => mode.typeOptions?.searchListMethod ?? []),
		);
		expect([...new Set(loadOptions)].sort()).toEqual(Object.keys(node.methods.loadOptions).sort());
		expect([...new Set(listSearch)].sort()).toEqual(Object.keys(node.methods.listSearch).sort());
	});
});
