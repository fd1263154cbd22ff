import type { INodeProperties, INodePropertyCollection, INodePropertyOptions } from 'n8n-workflow';
import { EXAMPLE_ID } from '../../../nodes/Kakiyo/engine/locator';
import { Kakiyo, RESOURCES } from '../../../nodes/Kakiyo/Kakiyo.node';
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

/** Every text the editor shows for a parameter or an option, at any depth. */
function uiTexts(value: unknown): string[] {
	if (Array.isArray(value)) return value.flatMap(uiTexts);
	if (!value || typeof value !== 'object') return [];
	return Object.entries(value).flatMap(([key, entry]) =>
		['displayName', 'description', 'hint', 'placeholder', 'action'].includes(key) &&
		typeof entry === 'string'
			? [entry]
			: uiTexts(entry),
	);
}

const allFields = () =>
	kakiyoProperties()
		.filter((property) => !['resource', 'operation'].includes(property.name))
		.flatMap(fieldsOf);

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

	it('keeps operation descriptions short, and actions short, verb-first and of the operation', () => {
		const operations = operationsOf();
		const tooLong = operations.filter(({ option }) => String(option.description).length > 110);
		expect(tooLong.map(({ resource, operation }) => `${resource} ${operation}`)).toEqual([]);
		for (const { option } of operations) {
			const verb = String(option.name).split(' ')[0];
			expect(option.action).toMatch(new RegExp(`^${verb} [a-z]`));
			expect(String(option.action).length).toBeLessThanOrEqual(50);
			expect(option.action).not.toMatch(/[.;:(]/);
		}
		expect(
			operations.find((o) => o.resource === 'agent' && o.operation === 'setup')?.option,
		).toMatchObject({
			name: 'Set Up',
			action: 'Set up an agent',
		});
		expect(
			operations.find((o) => o.resource === 'doNotContact' && o.operation === 'delete')?.option,
		).toMatchObject({ name: 'Remove', action: 'Remove a profile from the Do Not Contact list' });
	});

	it('shows no research notes, and words what Kakiyo leaves undocumented one way', () => {
		const texts = uiTexts(description);
		const notes =
			/not in any Kakiyo source|docs are thin|\bspec\b|inferred|no source|undocumented/i;
		expect(texts.filter((text) => notes.test(text))).toEqual([]);
		expect(
			texts.filter((text) => /document/i.test(text) && !/Kakiyo does not document/.test(text)),
		).toEqual([]);
		// The operations whose behaviour Kakiyo leaves undocumented say so rather than state it.
		const hedged = [
			'agent create',
			'agent pause',
			'agent resume',
			'campaign create',
			'prospect qualify',
		];
		for (const { resource, operation, option } of operationsOf()) {
			if (hedged.includes(`${resource} ${operation}`)) {
				expect(option.description).toMatch(/Kakiyo does not document/);
			}
		}
	});

	it('writes hints that do not restate the field name', () => {
		const restating = allFields().filter((field) =>
			String(field.description).toLowerCase().startsWith(String(field.displayName).toLowerCase()),
		);
		expect(restating.map((field) => field.description)).toEqual([]);
	});

	it('gives pickers "Select a/an …" and every ID field the same example ID', () => {
		const pickers = allFields().filter((field) => field.type === 'resourceLocator');
		for (const picker of pickers) {
			expect(picker.modes?.[0].placeholder).toMatch(
				/^Select (an [aeiou]|a [^aeiou])[a-z ]+\.\.\.$/,
			);
			expect(picker.modes?.[1].placeholder).toBe(`e.g. ${EXAMPLE_ID}`);
		}
		const idFields = allFields().filter((field) => /Ids?$/.test(field.name) && field.placeholder);
		expect(idFields.map((field) => field.name)).toEqual(
			expect.arrayContaining(['listId', 'prospectIds']),
		);
		for (const field of idFields) {
			expect(field.placeholder).toMatch(/^e\.g\. [0-9a-f]{20}(, [0-9a-f]{20})*$/);
			expect(field.placeholder).toContain(EXAMPLE_ID);
		}
	});

	it("follows n8n's Simplify convention where an operation simplifies", () => {
		const simplifying = RESOURCES.flatMap((resource) =>
			resource.operations
				.filter((operation) => operation.simplify)
				.map((operation) => ({ resource: resource.value, operation })),
		);
		const toggles = kakiyoProperties().filter((property) => property.name === 'simplify');
		expect(toggles).toHaveLength(simplifying.length);
		for (const { resource, operation } of simplifying) {
			expect(operation.simplify!.length).toBeLessThanOrEqual(10);
			expect(operation.simplify![0]).toMatch(/(^|\.)(id|listId)$/);
			const toggle = toggles.find(
				(property) =>
					property.displayOptions?.show?.resource?.[0] === resource &&
					property.displayOptions?.show?.operation?.[0] === operation.value,
			);
			expect(toggle).toMatchObject({ displayName: 'Simplify', type: 'boolean', default: true });
			expect(toggle?.description).toMatch(
				/^Whether to return a simplified version of the response instead of the raw data/,
			);
		}
	});

	it('says in package.json what the package is: a trigger and the whole Kakiyo API', () => {
		expect(packageJson.description).toMatch(/trigger/i);
		expect(packageJson.description).toMatch(/whole Kakiyo API/);
		expect(packageJson.description).not.toMatch(/webhook API/);
	});
});
