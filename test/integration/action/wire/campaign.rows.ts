import { plain, type WireRow } from './wireRow';

const campaignIds = '={{ $json.campaignId }}';

export const campaignRows: WireRow[] = [
	{
		resource: 'campaign',
		operation: 'getAll',
		parameters: { returnAll: false, limit: 1 },
		items: async (kit) => {
			await kit.campaign('Second campaign');
			return [{}, {}];
		},
		calls: () => [
			['GET', '/v1/campaigns', { limit: '1' }, undefined],
			['GET', '/v1/campaigns', { limit: '1' }, undefined],
		],
		output: (_items, kit) => [
			[{ id: kit.team().campaigns[0].id, name: 'Q4 Enterprise Outreach' }, 0],
			[{ id: kit.team().campaigns[0].id }, 1],
		],
	},
	{
		resource: 'campaign',
		operation: 'create',
		parameters: {
			name: '={{ $json.name }}',
			productId: '={{ $json.productId }}',
			promptId: '={{ $json.promptId }}',
			agentId: '={{ $json.agentId }}',
			additionalFields: {
				qualificationAutomatic: 80,
				variables: { variable: [{ name: 'painPoint', value: '={{ $json.pain }}' }] },
			},
		},
		items: (kit) => {
			const team = kit.team();
			const refs = {
				productId: team.products[0].id,
				promptId: team.prompts[0].id,
				agentId: team.agents[0].id,
			};
			return [
				{ name: 'Spring push', pain: 'slow onboarding', ...refs },
				{ name: 'Autumn push', pain: 'churn', ...refs },
			];
		},
		calls: (items) =>
			items.map(({ name, pain, productId, promptId, agentId }) => [
				'POST',
				'/v1/campaigns',
				{},
				{
					name,
					productId,
					promptId,
					agentId,
					qualificationAutomatic: 80,
					variables: { painPoint: pain },
				},
			]),
		output: (items) =>
			items.map(({ name }, index) => [
				{ name, status: 'active', qualificationAutomatic: 80, qualificationVerification: 50 },
				index,
			]),
	},
	{
		resource: 'campaign',
		operation: 'update',
		parameters: { campaignId: campaignIds, updateFields: { name: '={{ $json.name }}' } },
		items: (kit) => {
			const campaignId = kit.team().campaigns[0].id;
			return [
				{ campaignId, name: 'Renamed once' },
				{ campaignId, name: 'Renamed twice' },
			];
		},
		calls: (items) =>
			items.map(({ campaignId, name }) => ['PUT', `/v1/campaigns/${campaignId}`, {}, { name }]),
		output: (items) =>
			items.map(({ campaignId }, index) => [
				{ id: campaignId, message: 'Campaign updated successfully' },
				index,
			]),
		check: (_items, kit) => {
			// A rename keeps both thresholds: nothing the user did not set is sent.
			expect(kit.team().campaigns[0]).toMatchObject({
				name: 'Renamed twice',
				qualificationAutomatic: 70,
				qualificationVerification: 50,
			});
		},
	},
	{
		resource: 'campaign',
		operation: 'pause',
		parameters: { campaignId: campaignIds },
		items: async (kit) => [
			{ campaignId: kit.team().campaigns[0].id },
			{ campaignId: await kit.campaign('Second campaign') },
		],
		calls: (items) =>
			items.map(({ campaignId }) => plain('POST', `/v1/campaigns/${campaignId}/pause`)),
		output: () => [
			[{ message: 'Campaign paused successfully' }, 0],
			[{ message: 'Campaign paused successfully' }, 1],
		],
		check: (_items, kit) =>
			expect(kit.team().campaigns.map((campaign) => campaign.status)).toEqual(['paused', 'paused']),
	},
	{
		resource: 'campaign',
		operation: 'resume',
		parameters: { campaignId: campaignIds },
		items: async (kit) => {
			const ids = [kit.team().campaigns[0].id, await kit.campaign('Second campaign')];
			for (const id of ids) kit.emulator.setCampaignStatus(id, 'paused');
			return ids.map((campaignId) => ({ campaignId }));
		},
		calls: (items) =>
			items.map(({ campaignId }) => plain('POST', `/v1/campaigns/${campaignId}/resume`)),
		output: () => [
			[{ message: 'Campaign resumed successfully' }, 0],
			[{ message: 'Campaign resumed successfully' }, 1],
		],
	},
	{
		resource: 'campaign',
		operation: 'getStats',
		parameters: { campaignId: campaignIds },
		items: async (kit) => [
			{ campaignId: kit.team().campaigns[0].id },
			{ campaignId: await kit.campaign('Second campaign') },
		],
		calls: (items) =>
			items.map(({ campaignId }) => plain('GET', `/v1/campaigns/${campaignId}/stats`)),
		output: (items) => [
			[{ campaignId: items[0].campaignId, totalProspects: 2 }, 0],
			[{ campaignId: items[1].campaignId, totalProspects: 0 }, 1],
		],
	},
	{
		resource: 'campaign',
		operation: 'delete',
		parameters: { campaignId: campaignIds },
		items: async (kit) => {
			const ids = [kit.team().campaigns[0].id, await kit.campaign('Second campaign')];
			kit.emulator.setCampaignStatus(ids[0], 'paused');
			kit.emulator.setCampaignStatus(ids[1], 'completed');
			return ids.map((campaignId) => ({ campaignId }));
		},
		calls: (items) => items.map(({ campaignId }) => plain('DELETE', `/v1/campaigns/${campaignId}`)),
		output: (items) =>
			items.map(({ campaignId }, index) => [{ id: campaignId, deleted: true }, index]),
		check: (_items, kit) => {
			expect(kit.team().campaigns).toEqual([]);
			expect(kit.team().prospects).toEqual([]);
		},
	},
];
