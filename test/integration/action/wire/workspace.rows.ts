import { plain, type WireKit, type WireRow } from './wireRow';

/** Two new client workspaces; returns their IDs. */
async function twoWorkspaces(kit: WireKit): Promise<string[]> {
	const acme = await kit.call('POST', '/workspaces', { name: 'Acme' });
	const globex = await kit.call('POST', '/workspaces', { name: 'Globex' });
	return [String(acme.id), String(globex.id)];
}

export const workspaceRows: WireRow[] = [
	{
		resource: 'workspace',
		operation: 'getAll',
		parameters: { returnAll: true },
		items: async (kit) => {
			await twoWorkspaces(kit);
			return [{}, {}];
		},
		calls: () => [plain('GET', '/v1/workspaces'), plain('GET', '/v1/workspaces')],
		output: () => [
			[{ name: 'Acme' }, 0],
			[{ name: 'Globex' }, 0],
			[{ name: 'Acme' }, 1],
			[{ name: 'Globex' }, 1],
		],
	},
	{
		resource: 'workspace',
		operation: 'create',
		parameters: { name: '={{ $json.name }}' },
		items: () => [{ name: 'Acme' }, { name: 'Globex' }],
		calls: (items) => items.map(({ name }) => ['POST', '/v1/workspaces', {}, { name }]),
		output: (items) =>
			items.map(({ name }, index) => [
				{ name, id: expect.any(String), clientTeamId: expect.any(String) },
				index,
			]),
	},
	{
		resource: 'workspace',
		operation: 'delete',
		parameters: { workspaceId: '={{ $json.workspaceId }}' },
		items: async (kit) => (await twoWorkspaces(kit)).map((workspaceId) => ({ workspaceId })),
		calls: (items) =>
			items.map(({ workspaceId }) => plain('DELETE', `/v1/workspaces/${workspaceId}`)),
		output: (items) =>
			items.map(({ workspaceId }, index) => [{ id: workspaceId, deleted: true }, index]),
	},
	{
		resource: 'workspace',
		operation: 'inviteClient',
		parameters: {
			workspaceId: '={{ $json.workspaceId }}',
			email: '={{ $json.email }}',
			additionalFields: { roles: 'member, billing' },
		},
		items: async (kit) => {
			const [acme] = await twoWorkspaces(kit);
			return [
				{ workspaceId: acme, email: 'ana@acme.example' },
				{ workspaceId: acme, email: 'bo@acme.example' },
			];
		},
		calls: (items) =>
			items.map(({ workspaceId, email }) => [
				'POST',
				`/v1/workspaces/${workspaceId}/invite`,
				{},
				{ email, roles: ['member', 'billing'] },
			]),
		output: (items) =>
			items.map(({ email }, index) => [
				{ email, emailSent: true, membershipId: expect.any(String) },
				index,
			]),
	},
	{
		resource: 'workspace',
		operation: 'removeClient',
		parameters: { workspaceId: '={{ $json.workspaceId }}', email: '={{ $json.email }}' },
		items: async (kit) => {
			const [acme] = await twoWorkspaces(kit);
			const emails = ['ana@acme.example', 'bo@acme.example'];
			for (const email of emails) await kit.call('POST', `/workspaces/${acme}/invite`, { email });
			return emails.map((email) => ({ workspaceId: acme, email }));
		},
		calls: (items) =>
			items.map(({ workspaceId, email }) => [
				'DELETE',
				`/v1/workspaces/${workspaceId}/clients`,
				{},
				{ email },
			]),
		output: (items) =>
			items.map(({ email }, index) => [{ message: 'Client removed from workspace', email }, index]),
	},
	{
		resource: 'workspace',
		operation: 'assignAgent',
		parameters: { workspaceId: '={{ $json.workspaceId }}', agentId: '={{ $json.agentId }}' },
		items: async (kit) => {
			const [acme, globex] = await twoWorkspaces(kit);
			const agentId = kit.team().agents[0].id;
			return [
				{ workspaceId: acme, agentId },
				{ workspaceId: globex, agentId: await kit.agent() },
			];
		},
		calls: (items) =>
			items.map(({ workspaceId, agentId }) =>
				plain('POST', `/v1/workspaces/${workspaceId}/agents/${agentId}`),
			),
		output: (items) => [
			[{ ...items[0], propagated: { campaigns: 1, chats: 2, prospects: 2 } }, 0],
			[{ ...items[1], propagated: { campaigns: 0 } }, 1],
		],
	},
	{
		resource: 'workspace',
		operation: 'unassignAgent',
		parameters: { workspaceId: '={{ $json.workspaceId }}', agentId: '={{ $json.agentId }}' },
		items: async (kit) => {
			const [acme] = await twoWorkspaces(kit);
			const agentIds = [kit.team().agents[0].id, await kit.agent()];
			for (const agentId of agentIds)
				await kit.call('POST', `/workspaces/${acme}/agents/${agentId}`);
			return agentIds.map((agentId) => ({ workspaceId: acme, agentId }));
		},
		calls: (items) =>
			items.map(({ workspaceId, agentId }) =>
				plain('DELETE', `/v1/workspaces/${workspaceId}/agents/${agentId}`),
			),
		output: (items) =>
			items.map(({ agentId }, index) => [
				{ message: 'Agent unassigned from workspace', agentId },
				index,
			]),
	},
];
