import {
	NodeConnectionTypes,
	NodeOperationError,
	type INodePropertyCollection,
} from 'n8n-workflow';
import codex from '../../../nodes/KakiyoTrigger/KakiyoTrigger.node.json';
import { KakiyoTrigger } from '../../../nodes/KakiyoTrigger/KakiyoTrigger.node';
import packageJson from '../../../package.json';
import { TestWorkflow } from '../../support/n8nRuntime';
import { hooks, triggerWorkflow, useRig } from './rig';

const trigger = new KakiyoTrigger();
const { description } = trigger;
const property = (name: string) =>
	description.properties.find((candidate) => candidate.name === name);

describe('description', () => {
	it('is a webhook trigger with no inputs, one main output and the Kakiyo credential', () => {
		expect(description).toMatchObject({
			name: 'kakiyoTrigger',
			displayName: 'Kakiyo Trigger',
			group: ['trigger'],
			inputs: [],
			outputs: [NodeConnectionTypes.Main],
			credentials: [{ name: 'kakiyoApi', required: true }],
			icon: { light: 'file:../../icons/kakiyo.svg', dark: 'file:../../icons/kakiyo.dark.svg' },
		});
		expect(description).not.toHaveProperty('usableAsTool');
	});

	it('has one POST webhook answered on receipt', () => {
		expect(description.webhooks).toEqual([
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' },
		]);
		expect(Object.keys(trigger.webhookMethods.default).sort()).toEqual([
			'checkExists',
			'create',
			'delete',
		]);
	});

	it('asks for events from the loaded list, required, and warns about credits', () => {
		expect(property('events')).toMatchObject({
			type: 'multiOptions',
			required: true,
			typeOptions: { loadOptionsMethod: 'getEventOptions' },
		});
		expect(property('creditsNotice')).toMatchObject({ type: 'notice' });
		expect(property('creditsNotice')?.displayName).toMatch(/credits for every delivery/);
	});

	it('offers the three options', () => {
		const options = (property('options')?.options ?? []) as INodePropertyCollection[];
		expect(options.map((option) => option.name).sort()).toEqual([
			'includeHeaders',
			'maxAgeSeconds',
			'webhookName',
		]);
		expect(property('options')?.options).toEqual(
			expect.arrayContaining([
				expect.objectContaining({ name: 'includeHeaders', type: 'boolean', default: false }),
				expect.objectContaining({ name: 'maxAgeSeconds', type: 'number', default: 300 }),
				expect.objectContaining({ name: 'webhookName', type: 'string', default: '' }),
			]),
		);
	});

	it('shows the chosen events as its subtitle', () => {
		const workflow = new TestWorkflow({
			nodeType: trigger,
			parameters: { events: ['linkedin.message.received', 'prospect.qualified'] },
			credentials: {},
		});
		const subtitle = workflow.workflow.expression.getSimpleParameterValue(
			workflow.node,
			description.subtitle as string,
			'internal',
			{},
		);
		expect(subtitle).toBe('linkedin.message.received, prospect.qualified');
	});

	it('is registered in package.json and described by its codex file', () => {
		expect(packageJson.n8n.nodes).toContain('dist/nodes/KakiyoTrigger/KakiyoTrigger.node.js');
		expect(codex).toMatchObject({ node: 'n8n-nodes-kakiyo.kakiyoTrigger', nodeVersion: '1.0' });
		expect(codex.resources.primaryDocumentation[0].url).toMatch(/^https:\/\//);
		expect(codex.resources.credentialDocumentation[0].url).toMatch(/^https:\/\//);
	});
});

describe('with Kakiyo', () => {
	const rig = useRig();

	it('loads the event list through n8n, "All Events" first', async () => {
		const workflow = triggerWorkflow(rig);
		const options = await trigger.methods.loadOptions.getEventOptions.call(
			workflow.loadOptionsContext(),
		);
		expect(options[0]).toMatchObject({ name: 'All Events', value: '*' });
		expect(options.map((option) => option.value)).toEqual(
			expect.arrayContaining([
				'linkedin.message.received',
				'prospect.qualified',
				'agent.status_changed',
			]),
		);
	});

	it('still offers the known events when Kakiyo cannot be reached', async () => {
		const workflow = triggerWorkflow(rig, { baseUrl: 'http://127.0.0.1:9/v1' });
		const options = await trigger.methods.loadOptions.getEventOptions.call(
			workflow.loadOptionsContext(),
		);
		expect(options.map((option) => option.value)).toEqual(
			expect.arrayContaining(['*', 'linkedin.message.received', 'campaign.completed']),
		);
	});

	it('refuses to activate without events, before calling Kakiyo', async () => {
		const workflow = triggerWorkflow(rig, { events: [] });
		const before = rig.emulator.requests().length;
		await expect(hooks(workflow).checkExists()).rejects.toThrow(NodeOperationError);
		await expect(hooks(workflow).create()).rejects.toThrow('Choose at least one Kakiyo event');
		expect(rig.emulator.requests()).toHaveLength(before);
	});
});
