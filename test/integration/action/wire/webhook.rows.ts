import { byId, plain, type WireKit, type WireRow } from './wireRow';

const hookIds = '={{ $json.webhookId }}';

/** Two webhooks registered straight at the emulator, one with a secret. */
async function twoHooks(kit: WireKit) {
	const crm = await kit.call('POST', '/webhooks', {
		name: 'CRM',
		url: 'https://crm.example/kakiyo',
		events: ['*'],
		secret: 'crm-signing-secret',
	});
	const slack = await kit.call('POST', '/webhooks', {
		name: 'Slack',
		url: 'https://slack.example/kakiyo',
		events: ['linkedin.message.received'],
	});
	return [{ webhookId: crm.id }, { webhookId: slack.id }];
}

export const webhookRows: WireRow[] = [
	{
		resource: 'webhook',
		operation: 'create',
		parameters: {
			name: '={{ $json.name }}',
			url: 'https://crm.example/kakiyo',
			events: ['linkedin.message.received', 'prospect.qualified'],
			additionalFields: { secret: '={{ $json.secret }}' },
		},
		items: () => [
			{ name: 'CRM', secret: 'typed-signing-secret' },
			{ name: 'Slack', secret: '' },
		],
		calls: (items) =>
			items.map(({ name, secret }) => [
				'POST',
				'/v1/webhooks',
				{},
				{
					name,
					url: 'https://crm.example/kakiyo',
					events: ['linkedin.message.received', 'prospect.qualified'],
					...(secret ? { secret } : {}),
				},
			]),
		output: () => [
			[{ name: 'CRM', active: true, hasSecret: true, message: 'Webhook created successfully' }, 0],
			[{ name: 'Slack', active: true }, 1],
		],
		check: (_items, kit, output) => {
			expect(JSON.stringify(output)).not.toContain('typed-signing-secret');
			expect(kit.team().webhooks.map((hook) => Boolean(hook.secret))).toEqual([true, false]);
		},
	},
	{
		resource: 'webhook',
		operation: 'getAll',
		parameters: { returnAll: true },
		items: async (kit) => {
			await twoHooks(kit);
			return [{}, {}];
		},
		calls: () => [plain('GET', '/v1/webhooks'), plain('GET', '/v1/webhooks')],
		output: () => [
			[{ name: 'CRM', hasSecret: true }, 0],
			[{ name: 'Slack', hasSecret: false }, 0],
			[{ name: 'CRM' }, 1],
			[{ name: 'Slack' }, 1],
		],
	},
	{
		resource: 'webhook',
		operation: 'get',
		parameters: { webhookId: hookIds },
		items: twoHooks,
		calls: (items) => items.map(({ webhookId }) => plain('GET', `/v1/webhooks/${webhookId}`)),
		output: (items) => [
			[{ id: items[0].webhookId, name: 'CRM', hasSecret: true }, 0],
			[{ id: items[1].webhookId, name: 'Slack', hasSecret: false }, 1],
		],
		check: (_items, _kit, output) => {
			expect(JSON.stringify(output)).not.toContain('crm-signing-secret');
		},
	},
	{
		resource: 'webhook',
		operation: 'update',
		parameters: {
			webhookId: byId('={{ $json.webhookId }}'),
			updateFields: { events: ['campaign.completed'], active: false },
		},
		items: twoHooks,
		calls: (items) =>
			items.map(({ webhookId }) => [
				'PUT',
				`/v1/webhooks/${webhookId}`,
				{},
				{ events: ['campaign.completed'], active: false },
			]),
		output: (items) =>
			items.map(({ webhookId }, index) => [
				{ id: webhookId, events: ['campaign.completed'], active: false },
				index,
			]),
	},
	{
		resource: 'webhook',
		operation: 'delete',
		parameters: { webhookId: hookIds },
		items: twoHooks,
		calls: (items) => items.map(({ webhookId }) => plain('DELETE', `/v1/webhooks/${webhookId}`)),
		output: (items) =>
			items.map(({ webhookId }, index) => [{ id: webhookId, deleted: true }, index]),
		check: (_items, kit) => expect(kit.team().webhooks).toEqual([]),
	},
	{
		resource: 'webhookEvent',
		operation: 'getAll',
		parameters: { returnAll: false, limit: 1 },
		items: () => [{}, {}],
		calls: () => [
			plain('GET', '/v1/webhooks/test/events'),
			plain('GET', '/v1/webhooks/test/events'),
		],
		output: () => [
			[{ id: 'prospect.qualified', name: 'Prospect Qualified' }, 0],
			[{ id: 'prospect.qualified' }, 1],
		],
	},
	{
		resource: 'webhookEvent',
		operation: 'getExample',
		parameters: { event: '={{ $json.event }}' },
		items: () => [{ event: 'linkedin.message.received' }, { event: 'campaign.completed' }],
		calls: (items) => items.map(({ event }) => plain('GET', `/v1/webhooks/test/example/${event}`)),
		output: (items) => items.map(({ event }, index) => [{ event }, index]),
	},
	{
		resource: 'webhookEvent',
		operation: 'sendTest',
		parameters: { event: '={{ $json.event }}' },
		items: () => [{ event: 'linkedin.message.received' }, { event: 'campaign.completed' }],
		calls: (items) => items.map(({ event }) => ['POST', '/v1/webhooks/test', {}, { event }]),
		output: (items) => items.map(({ event }, index) => [{ success: true, event }, index]),
	},
];
