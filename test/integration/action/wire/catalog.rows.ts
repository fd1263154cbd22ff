import { plain, type WireRow } from './wireRow';

/** Products, prompts, models and analytics: the read-mostly resources. */
export const catalogRows: WireRow[] = [
	{
		resource: 'product',
		operation: 'getAll',
		parameters: { returnAll: true },
		items: () => [{}, {}],
		calls: () => [plain('GET', '/v1/products'), plain('GET', '/v1/products')],
		output: (_items, kit) => [
			[{ id: kit.team().products[0].id }, 0],
			[{ id: kit.team().products[0].id }, 1],
		],
	},
	{
		resource: 'product',
		operation: 'create',
		parameters: { name: '={{ $json.name }}', description: 'Outbound on autopilot' },
		items: () => [{ name: 'Starter' }, { name: 'Scale' }],
		calls: (items) =>
			items.map(({ name }) => [
				'POST',
				'/v1/products',
				{},
				{ name, description: 'Outbound on autopilot' },
			]),
		output: (items) =>
			items.map(({ name }, index) => [
				{ name, description: 'Outbound on autopilot', id: expect.any(String) },
				index,
			]),
	},
	{
		resource: 'prompt',
		operation: 'getAll',
		parameters: { returnAll: false, limit: 5 },
		items: () => [{}, {}],
		calls: () => [plain('GET', '/v1/prompts'), plain('GET', '/v1/prompts')],
		output: (_items, kit) => [
			[{ id: kit.team().prompts[0].id }, 0],
			[{ id: kit.team().prompts[0].id }, 1],
		],
	},
	{
		resource: 'prompt',
		operation: 'create',
		parameters: { name: '={{ $json.name }}', model: '={{ $json.model }}', type: 'invitation' },
		items: (kit) => [
			{ name: 'Short note', model: kit.emulator.state().models[0].id },
			{ name: 'Legacy model', model: 'model_claude3' },
		],
		calls: (items) =>
			items.map(({ name, model }) => [
				'POST',
				'/v1/prompts',
				{},
				{ name, model, type: 'invitation' },
			]),
		output: (items) =>
			items.map(({ name, model }, index) => [{ name, model, type: 'invitation' }, index]),
	},
	{
		resource: 'model',
		operation: 'getAll',
		parameters: { returnAll: false, limit: 2 },
		items: () => [{}, {}],
		calls: () => [plain('GET', '/v1/models'), plain('GET', '/v1/models')],
		output: (_items, kit) => {
			const [first, second] = kit.emulator.state().models;
			return [
				[{ id: first.id, name: first.name, pricing: first.pricing }, 0],
				[{ id: second.id }, 0],
				[{ id: first.id }, 1],
				[{ id: second.id }, 1],
			];
		},
	},
	{
		resource: 'model',
		operation: 'get',
		parameters: { modelId: '={{ $json.modelId }}' },
		items: (kit) =>
			kit.emulator
				.state()
				.models.slice(0, 2)
				.map(({ id }) => ({ modelId: id })),
		calls: (items) => items.map(({ modelId }) => plain('GET', `/v1/models/${modelId}`)),
		output: (items) =>
			items.map(({ modelId }, index) => [{ id: modelId, status: 'active' }, index]),
	},
	{
		resource: 'analytics',
		operation: 'getOverview',
		parameters: {},
		items: () => [{}, {}],
		calls: () => [plain('GET', '/v1/analytics/overview'), plain('GET', '/v1/analytics/overview')],
		output: () => [
			[{ totalProspects: 2, campaigns: 1 }, 0],
			[{ totalProspects: 2 }, 1],
		],
	},
	{
		resource: 'analytics',
		operation: 'getCampaign',
		parameters: { campaignId: '={{ $json.campaignId }}' },
		items: async (kit) => [
			{ campaignId: kit.team().campaigns[0].id },
			{ campaignId: await kit.campaign('Second campaign') },
		],
		calls: (items) =>
			items.map(({ campaignId }) => plain('GET', `/v1/analytics/campaigns/${campaignId}`)),
		output: (items) => [
			[{ campaign: { id: items[0].campaignId }, metrics: { totalProspects: 2 } }, 0],
			[{ campaign: { id: items[1].campaignId }, metrics: { totalProspects: 0 } }, 1],
		],
	},
];
