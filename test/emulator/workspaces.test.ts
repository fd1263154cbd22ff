import { useEmulator, withEmulator } from '../support/emulator';
import { clientsOf, ISO_TIME, newApiKey } from './testKit';

const otherKey = newApiKey();
const emulator = useEmulator({ otherTeam: { apiKeys: [otherKey], plan: 'standard' } });
const { api } = clientsOf(() => emulator);
const team = () => emulator.state().teams[0];
const agentId = () => team().agents[0].id;
const post = (path: string, body?: unknown) => api(path, { method: 'POST', body });
const createWorkspace = async (name = 'Acme (client)') =>
	(await post('/workspaces', { name })).json.id as string;

describe('list, create, delete', () => {
	it('create answers 201 {id, name, clientTeamId, createdAt}; list {workspaces, total}', async () => {
		const reply = await post('/workspaces', { name: 'Acme (client)' });
		expect([reply.status, reply.json]).toEqual([
			201,
			{
				id: expect.stringMatching(/^[0-9a-f]{20}$/),
				name: 'Acme (client)',
				clientTeamId: expect.stringMatching(/^[0-9a-f]{20}$/),
				createdAt: expect.stringMatching(ISO_TIME),
			},
		]);
		expect((await api('/workspaces')).json).toEqual({ workspaces: [reply.json], total: 1 });
		expect((await post('/workspaces', {})).json.message).toBe('name is required');
	});

	it('delete unassigns agents and reports what it touched; then 404', async () => {
		const id = await createWorkspace();
		await post(`/workspaces/${id}/agents/${agentId()}`);
		const reply = await api(`/workspaces/${id}`, { method: 'DELETE' });
		expect(reply.json).toEqual({
			message: 'Workspace deleted successfully',
			stats: { agentsUnassigned: 1, campaignsUpdated: 1, chatsUpdated: 2 },
		});
		expect((await api(`/workspaces/${id}`, { method: 'DELETE' })).json).toEqual({
			error: 'not_found',
			message: 'Workspace not found',
		});
	});
});

describe('clients', () => {
	it('invite answers the membership, default role member; twice is 409', async () => {
		const id = await createWorkspace();
		const reply = await post(`/workspaces/${id}/invite`, { email: 'Client@Acme.com' });
		expect([reply.status, reply.json]).toEqual([
			200,
			{
				membershipId: expect.stringMatching(/^[0-9a-f]{20}$/),
				userId: expect.stringMatching(/^[0-9a-f]{20}$/),
				email: 'client@acme.com',
				portalUrl: expect.stringMatching(/^https:\/\//),
				emailSent: true,
			},
		]);
		expect(team().workspaces[0].members).toEqual([
			expect.objectContaining({ email: 'client@acme.com', roles: ['member'] }),
		]);
		const again = await post(`/workspaces/${id}/invite`, { email: 'client@acme.com' });
		expect([again.status, again.json.error]).toEqual([409, 'already_exists']);
	});

	it.each([
		[{}, /email is required/],
		[{ email: 'not-an-email' }, /email must be an email address/],
		[{ email: 'a@b.co', roles: [] }, /roles/],
		[{ email: 'a@b.co', redirectUrl: 'javascript:alert(1)' }, /redirectUrl/],
	])('invite refuses %j with 400 (before the lookup)', async (body, message) => {
		const reply = await post('/workspaces/nope/invite', body);
		expect([reply.status, reply.json.message]).toEqual([400, expect.stringMatching(message)]);
	});

	it('remove takes {email} on DELETE; a stranger is 404', async () => {
		const id = await createWorkspace();
		await post(`/workspaces/${id}/invite`, { email: 'client@acme.com', roles: ['admin'] });
		const remove = (email: string) =>
			api(`/workspaces/${id}/clients`, { method: 'DELETE', body: { email } });
		expect((await remove('CLIENT@acme.com')).json).toEqual({
			message: 'Client removed from workspace',
			email: 'client@acme.com',
		});
		expect((await remove('client@acme.com')).json).toEqual({
			error: 'not_found',
			message: 'Client not found in this workspace',
		});
		expect((await api(`/workspaces/${id}/clients`, { method: 'DELETE' })).status).toBe(400);
	});
});

describe('agents', () => {
	it('assign and unassign answer what the agent reaches (its campaigns, chats, prospects)', async () => {
		const id = await createWorkspace();
		const assigned = await post(`/workspaces/${id}/agents/${agentId()}`);
		const propagated = { campaigns: 1, chats: 2, prospects: 2 };
		expect(assigned.json).toEqual({ agentId: agentId(), workspaceId: id, propagated });
		expect(team().workspaces[0].agentIds).toEqual([agentId()]);
		const unassigned = await api(`/workspaces/${id}/agents/${agentId()}`, { method: 'DELETE' });
		expect(unassigned.json).toEqual({
			message: 'Agent unassigned from workspace',
			agentId: agentId(),
			propagated,
		});
		expect(team().agents).toHaveLength(1); // unassigning does not delete the agent
		const again = await api(`/workspaces/${id}/agents/${agentId()}`, { method: 'DELETE' });
		expect(again.status).toBe(404);
	});

	it('an agent moves to the workspace it is assigned to last', async () => {
		const [first, second] = [await createWorkspace('One'), await createWorkspace('Two')];
		await post(`/workspaces/${first}/agents/${agentId()}`);
		await post(`/workspaces/${second}/agents/${agentId()}`);
		expect(team().workspaces.map((w) => w.agentIds)).toEqual([[], [agentId()]]);
	});

	it("404 for an unknown agent or workspace, 403 for another team's agent", async () => {
		const id = await createWorkspace();
		expect((await post(`/workspaces/${id}/agents/nope`)).json.message).toBe('Agent not found');
		expect((await post(`/workspaces/nope/agents/${agentId()}`)).status).toBe(404);
		const theirs = emulator.state().teams[1].agents[0].id;
		expect((await post(`/workspaces/${id}/agents/${theirs}`)).json).toEqual({
			error: 'forbidden',
			message: 'You do not have access to this agent',
		});
	});
});

describe('the Agency plan', () => {
	it.each([
		['GET', '/workspaces'],
		['POST', '/workspaces'],
		['DELETE', '/workspaces/any'],
		['POST', '/workspaces/any/invite'],
		['DELETE', '/workspaces/any/clients'],
		['POST', '/workspaces/any/agents/any'],
		['DELETE', '/workspaces/any/agents/any'],
	])('a standard-plan team gets 403 on %s %s, before validation', async (method, path) => {
		const reply = await api(path, {
			method,
			key: otherKey,
			body: method === 'GET' ? undefined : {},
		});
		expect([reply.status, reply.json]).toEqual([
			403,
			{ error: 'forbidden', message: 'Agency plan required' },
		]);
	});

	it('plan: standard applies to the main team too', async () => {
		await withEmulator({ plan: 'standard' }, async (standard) => {
			const reply = await clientsOf(() => standard).api('/workspaces');
			expect(reply.status).toBe(403);
			expect(standard.state().teams[0].plan).toBe('standard');
		});
	});
});
