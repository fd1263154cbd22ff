import { byId, plain, type WireRow } from './wireRow';

const agentIds = '={{ $json.agentId }}';

export const agentRows: WireRow[] = [
	{
		resource: 'agent',
		operation: 'getAll',
		parameters: { returnAll: false, limit: 1 },
		items: async (kit) => {
			await kit.agent();
			return [{}, {}];
		},
		calls: () => [plain('GET', '/v1/agents'), plain('GET', '/v1/agents')],
		output: (_items, kit) => [
			[{ id: kit.team().agents[0].id, name: 'Emma Carter' }, 0],
			[{ id: kit.team().agents[0].id }, 1],
		],
	},
	{
		resource: 'agent',
		operation: 'create',
		parameters: {},
		items: () => [{}, {}],
		calls: () => [plain('POST', '/v1/agents'), plain('POST', '/v1/agents')],
		output: () => [
			[{ status: 'setup_needed', message: 'Agent created successfully' }, 0],
			[{ status: 'setup_needed' }, 1],
		],
	},
	{
		resource: 'agent',
		operation: 'get',
		parameters: { agentId: agentIds },
		items: async (kit) => [{ agentId: kit.team().agents[0].id }, { agentId: await kit.agent() }],
		calls: (items) => items.map(({ agentId }) => plain('GET', `/v1/agents/${agentId}`)),
		output: (items) => [
			[{ id: items[0].agentId, status: 'running', login: 'emma.carter@example.com' }, 0],
			[{ id: items[1].agentId, status: 'setup_needed' }, 1],
		],
	},
	{
		resource: 'agent',
		operation: 'update',
		parameters: {
			agentId: agentIds,
			updateFields: {
				days: ['Monday', 'Tuesday'],
				start: '={{ $json.start }}',
				invitationsMax: 30,
				skipInNetwork: true,
			},
		},
		items: (kit) => {
			const agentId = kit.team().agents[0].id;
			return [
				{ agentId, start: '08:00' },
				{ agentId, start: '09:30' },
			];
		},
		calls: (items) =>
			items.map(({ agentId, start }) => [
				'PUT',
				`/v1/agents/${agentId}`,
				{},
				{
					workingHours: { days: '1:1:0:0:0:0:0', start },
					limits: { invitationsMax: 30 },
					settings: [{ key: 'skipInNetwork', value: true }],
				},
			]),
		output: (items) =>
			items.map((item, index) => [
				{ id: item.agentId, message: 'Agent settings updated successfully' },
				index,
			]),
		check: (items, kit) => {
			// Only what was sent changed: the stop time and the other limits keep their values.
			expect(kit.team().agents[0]).toMatchObject({
				usage: { workingHours: { days: '1:1:0:0:0:0:0', start: '09:30', stop: '17:00' } },
				limits: { invitationsMin: 10, invitationsMax: 30, messagesMin: 20, messagesMax: 40 },
				settings: { skipInNetwork: true, invitationsOnly: false },
			});
		},
	},
	{
		resource: 'agent',
		operation: 'setup',
		parameters: {
			agentId: agentIds,
			login: '={{ $json.login }}',
			password: 'example-Linked1n-pass',
			country: '={{ $json.country }}',
		},
		items: async (kit) => [
			{ agentId: await kit.agent(), login: 'ana@example.com', country: 'fr' },
			{ agentId: await kit.agent(), login: 'bo@example.com', country: 'DE' },
		],
		calls: (items) =>
			items.map(({ agentId, login, country }) => [
				'POST',
				`/v1/agents/${agentId}/setup`,
				{},
				{ login, password: 'example-Linked1n-pass', country: String(country).toUpperCase() },
			]),
		output: (items) => items.map((item, index) => [{ id: item.agentId, status: 'running' }, index]),
		check: (_items, _kit, output) => {
			expect(JSON.stringify(output)).not.toContain('example-Linked1n-pass');
		},
	},
	{
		resource: 'agent',
		operation: 'pause',
		parameters: { agentId: agentIds },
		items: async (kit) => [
			{ agentId: kit.team().agents[0].id },
			{ agentId: await kit.agent('running') },
		],
		calls: (items) => items.map(({ agentId }) => plain('POST', `/v1/agents/${agentId}/pause`)),
		output: () => [
			[{ message: 'Agent paused successfully' }, 0],
			[{ message: 'Agent paused successfully' }, 1],
		],
		check: (items, kit) => {
			expect(kit.team().agents.map((agent) => agent.status)).toEqual(['paused', 'paused']);
		},
	},
	{
		resource: 'agent',
		operation: 'resume',
		parameters: { agentId: byId('={{ $json.agentId }}') },
		items: async (kit) => [
			{ agentId: await kit.agent('paused') },
			{ agentId: await kit.agent('paused') },
		],
		calls: (items) => items.map(({ agentId }) => plain('POST', `/v1/agents/${agentId}/resume`)),
		output: () => [
			[{ message: 'Agent resumed successfully' }, 0],
			[{ message: 'Agent resumed successfully' }, 1],
		],
	},
	{
		resource: 'agent',
		operation: 'relaunch',
		parameters: { agentId: agentIds },
		items: async (kit) => [
			{ agentId: await kit.agent('ended') },
			{ agentId: await kit.agent('ended') },
		],
		calls: (items) => items.map(({ agentId }) => plain('POST', `/v1/agents/${agentId}/relaunch`)),
		output: () => [
			[{ message: 'Agent relaunched successfully', status: 'setup_needed' }, 0],
			[{ status: 'setup_needed' }, 1],
		],
	},
	{
		resource: 'agent',
		operation: 'delete',
		parameters: { agentId: agentIds },
		items: async (kit) => [
			{ agentId: await kit.agent('ended') },
			{ agentId: await kit.agent('ended') },
		],
		calls: (items) => items.map(({ agentId }) => plain('DELETE', `/v1/agents/${agentId}`)),
		output: (items) => items.map(({ agentId }, index) => [{ id: agentId, deleted: true }, index]),
		check: (_items, kit) => expect(kit.team().agents).toHaveLength(1),
	},
];
