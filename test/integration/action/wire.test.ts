import { randomBytes } from 'node:crypto';
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { scriptedServerForThisFile } from '../../support/scriptedServer';
import { jsonAndPairing, runKakiyo } from './kakiyoRun';
import { operationsOf } from '../../support/nodeDescription';

/**
 * What each operation puts on the wire, byte for byte as the server received it, against a scripted
 * Kakiyo: any change of method, path or body fails here. Two input items per operation show that
 * each item makes its own call with its own values.
 */

const server = scriptedServerForThisFile();
const apiKey = randomBytes(20).toString('hex');

interface WireCase {
	resource: string;
	operation: string;
	parameters: INodeParameters;
	items: IDataObject[];
	answer: unknown;
	/** Method, URL and JSON body (undefined when none) of the call each item makes. */
	calls: Array<[string, string, unknown]>;
	/** The JSON of the output items, each paired with its input item. */
	output: Array<[IDataObject, number]>;
}

const hook = { id: 'wh_1', name: 'CRM', url: 'https://crm.example/k', events: ['*'], active: true };
const byId = (value: string) => ({ __rl: true, mode: 'id', value });

const cases: WireCase[] = [
	{
		resource: 'webhookEvent',
		operation: 'getAll',
		parameters: {},
		items: [{}, {}],
		answer: [{ id: 'message.sent', name: 'Message Sent' }, 'campaign.completed'],
		calls: [
			['GET', '/v1/webhooks/test/events', undefined],
			['GET', '/v1/webhooks/test/events', undefined],
		],
		output: [
			[{ id: 'message.sent', name: 'Message Sent' }, 0],
			[{ id: 'campaign.completed' }, 0],
			[{ id: 'message.sent', name: 'Message Sent' }, 1],
			[{ id: 'campaign.completed' }, 1],
		],
	},
	{
		resource: 'webhookEvent',
		operation: 'getExample',
		parameters: { event: '={{ $json.event }}' },
		items: [{ event: 'message.sent' }, { event: 'team/odd event' }],
		answer: { event: 'message.sent', data: {} },
		calls: [
			['GET', '/v1/webhooks/test/example/message.sent', undefined],
			['GET', '/v1/webhooks/test/example/team%2Fodd%20event', undefined],
		],
		output: [
			[{ event: 'message.sent', data: {} }, 0],
			[{ event: 'message.sent', data: {} }, 1],
		],
	},
	{
		resource: 'webhookEvent',
		operation: 'sendTest',
		parameters: { event: '={{ $json.event }}' },
		items: [{ event: 'message.sent' }, { event: 'prospect.qualified' }],
		answer: { success: true, webhooks: 2 },
		calls: [
			['POST', '/v1/webhooks/test', { event: 'message.sent' }],
			['POST', '/v1/webhooks/test', { event: 'prospect.qualified' }],
		],
		output: [
			[{ success: true, webhooks: 2 }, 0],
			[{ success: true, webhooks: 2 }, 1],
		],
	},
	{
		resource: 'webhook',
		operation: 'create',
		parameters: {
			name: '={{ $json.name }}',
			url: 'https://crm.example/k',
			events: ['*'],
			additionalFields: { secret: '={{ $json.secret }}' },
		},
		items: [
			{ name: 'CRM', secret: 'shh-1' },
			{ name: 'Slack', secret: '' },
		],
		answer: { ...hook, secret: 'shh-1', message: 'Webhook created successfully' },
		calls: [
			[
				'POST',
				'/v1/webhooks',
				{ name: 'CRM', url: 'https://crm.example/k', events: ['*'], secret: 'shh-1' },
			],
			['POST', '/v1/webhooks', { name: 'Slack', url: 'https://crm.example/k', events: ['*'] }],
		],
		output: [
			[{ ...hook, message: 'Webhook created successfully', hasSecret: true }, 0],
			[{ ...hook, message: 'Webhook created successfully', hasSecret: true }, 1],
		],
	},
	{
		resource: 'webhook',
		operation: 'get',
		parameters: { webhookId: '={{ $json.id }}' },
		items: [{ id: 'wh_1' }, { id: 'wh 2' }],
		answer: { webhook: hook },
		calls: [
			['GET', '/v1/webhooks/wh_1', undefined],
			['GET', '/v1/webhooks/wh%202', undefined],
		],
		output: [
			[hook, 0],
			[hook, 1],
		],
	},
	{
		resource: 'webhook',
		operation: 'getAll',
		parameters: { returnAll: false, limit: 1 },
		items: [{}, {}],
		answer: { data: [hook, { ...hook, id: 'wh_2' }] },
		calls: [
			['GET', '/v1/webhooks', undefined],
			['GET', '/v1/webhooks', undefined],
		],
		output: [
			[hook, 0],
			[hook, 1],
		],
	},
	{
		resource: 'webhook',
		operation: 'update',
		parameters: {
			webhookId: byId('wh_1'),
			updateFields: { url: '={{ $json.url }}', events: ['message.sent'], active: true },
		},
		items: [{ url: 'https://a.example/k' }, { url: 'https://b.example/k' }],
		answer: { message: 'Webhook updated successfully' },
		calls: [
			[
				'PUT',
				'/v1/webhooks/wh_1',
				{ url: 'https://a.example/k', events: ['message.sent'], active: true },
			],
			[
				'PUT',
				'/v1/webhooks/wh_1',
				{ url: 'https://b.example/k', events: ['message.sent'], active: true },
			],
		],
		output: [
			[{ id: 'wh_1', message: 'Webhook updated successfully' }, 0],
			[{ id: 'wh_1', message: 'Webhook updated successfully' }, 1],
		],
	},
	{
		resource: 'webhook',
		operation: 'delete',
		parameters: { webhookId: '={{ $json.id }}' },
		items: [{ id: 'wh_1' }, { id: 'wh_2' }],
		answer: '',
		calls: [
			['DELETE', '/v1/webhooks/wh_1', undefined],
			['DELETE', '/v1/webhooks/wh_2', undefined],
		],
		output: [
			[{ id: 'wh_1', deleted: true }, 0],
			[{ id: 'wh_2', deleted: true }, 1],
		],
	},
];

describe.each(cases)('$resource > $operation', (wire) => {
	it('sends the documented method, path and body for each item, and outputs paired items', async () => {
		server.answer({ status: 200, body: wire.answer });

		const output = await runKakiyo({
			baseUrl: server.baseUrl,
			apiKey,
			parameters: { resource: wire.resource, operation: wire.operation, ...wire.parameters },
			items: wire.items,
		});

		expect(
			server.calls.map((call) => [
				call.method,
				call.url,
				call.body ? JSON.parse(call.body) : undefined,
			]),
		).toEqual(wire.calls);
		expect(server.calls.every((call) => call.headers.authorization === `Bearer ${apiKey}`)).toBe(
			true,
		);
		expect(jsonAndPairing(output)).toEqual(
			wire.output.map(([json, item]) => ({ json, pairedItem: { item } })),
		);
	});
});

it('covers every webhook operation the node offers', () => {
	const offered = operationsOf()
		.filter(({ resource }) => resource.startsWith('webhook'))
		.map(({ resource, operation }) => `${resource}:${operation}`);
	expect(cases.map((wire) => `${wire.resource}:${wire.operation}`).sort()).toEqual(offered.sort());
});
