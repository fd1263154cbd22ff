import { useEmulator } from '../support/emulator';
import { clientsOf, ISO_TIME, newApiKey, type Reply } from './testKit';

const otherKey = newApiKey();
const lines: string[] = [];
const emulator = useEmulator({
	otherTeam: { apiKeys: [otherKey] },
	log: (line) => lines.push(line),
});
const { api, control } = clientsOf(() => emulator);
const seedAgent = () => emulator.state().teams[0].agents[0];
const otherAgent = () => emulator.state().teams[1].agents[0];
const post = (path: string, body?: unknown) => api(path, { method: 'POST', body });
const expectError = (reply: Reply<unknown>, status: number, body: Record<string, unknown>) =>
	expect([reply.status, reply.json]).toEqual([status, body]);

beforeEach(() => {
	lines.length = 0;
});

async function newAgentId(): Promise<string> {
	return (await post('/agents')).json.id;
}

describe('list, create and get', () => {
	it("lists the team's agents as {agents, total} with the documented fields", async () => {
		const reply = await api('/agents');
		expect(reply.status).toBe(200);
		expect(reply.json).toEqual({ agents: [seedAgent()], total: 1 });
		expect(reply.json.agents[0]).toMatchObject({
			id: expect.stringMatching(/^[0-9a-f]{20}$/),
			name: expect.any(String),
			status: 'running',
			login: expect.any(String),
			country: 'US',
			usage: {
				invitations: expect.any(Number),
				invitationsDaily: expect.any(Number),
				messages: expect.any(Number),
				messagesDaily: expect.any(Number),
				workingHours: { days: '1:1:1:1:1:0:0', start: '09:00', stop: '17:00', timezone: 0 },
			},
			alerts: [],
		});
	});

	it('creates an agent from no body: 201, setup_needed, with a message', async () => {
		const reply = await post('/agents');
		expect(reply.status).toBe(201);
		expect(reply.json).toMatchObject({
			id: expect.stringMatching(/^[0-9a-f]{20}$/),
			status: 'setup_needed',
			login: null,
			createdAt: expect.stringMatching(ISO_TIME),
			message: 'Agent created successfully',
		});
		expect((await api('/agents')).json.total).toBe(2);
	});

	it("gets one agent; an unknown id is 404, another team's is 403", async () => {
		expect((await api(`/agents/${seedAgent().id}`)).json).toEqual(seedAgent());
		expectError(await api('/agents/0123456789abcdef0123'), 404, {
			error: 'not_found',
			message: 'Agent not found',
		});
		expectError(await api(`/agents/${otherAgent().id}`), 403, {
			error: 'forbidden',
			message: 'You do not have access to this agent',
		});
		// The other team sees its own agent, and not ours.
		const theirs = await api('/agents', { key: otherKey });
		expect(theirs.json.agents.map((agent: { id: string }) => agent.id)).toEqual([otherAgent().id]);
	});
});

describe('setup', () => {
	const credentials = { login: 'sam@example.com', password: 'Linked-In-Pa55', country: 'fr' };

	it('runs a new agent, keeps login and country, and never keeps or shows the password', async () => {
		const id = await newAgentId();
		const reply = await post(`/agents/${id}/setup`, credentials);
		expect([reply.status, reply.json]).toEqual([
			200,
			{ id, status: 'running', message: 'Agent setup completed successfully' },
		]);
		const agent = await api(`/agents/${id}`);
		expect(agent.json).toMatchObject({
			status: 'running',
			login: 'sam@example.com',
			country: 'FR',
		});
		const shown = [
			reply.text,
			agent.text,
			(await api('/agents')).text,
			JSON.stringify(emulator.state()),
			(await control('/state')).text,
			lines.join('\n'),
		].join('\n');
		expect(shown).not.toContain(credentials.password);
		// The request log (behind the control token) keeps the body exactly as the client sent it.
		expect(emulator.requests().find((entry) => entry.path.endsWith('/setup'))?.body).toEqual(
			credentials,
		);
	});

	it.each([
		['no login', { login: undefined }, /login is required/],
		['no password', { password: '' }, /password is required/],
		['no country', { country: undefined }, /country is required/],
		['a 3-letter country', { country: 'USA' }, /country must be a 2-letter/],
		['a numeric login', { login: 42 }, /login must be a string/],
	])('refuses %s with 400, before looking the agent up', async (_case, change, message) => {
		for (const id of [await newAgentId(), 'no-such-agent']) {
			const reply = await post(`/agents/${id}/setup`, { ...credentials, ...change });
			expect([reply.status, reply.json.error, reply.json.message]).toEqual([
				400,
				'validation_error',
				expect.stringMatching(message),
			]);
		}
	});

	it('refuses a running agent with 409 invalid_status and its current status', async () => {
		expectError(await post(`/agents/${seedAgent().id}/setup`, credentials), 409, {
			error: 'invalid_status',
			message: 'Agent can only be set up when status is setup_needed or auth_needed',
			currentStatus: 'running',
		});
	});

	it('takes an agent that needs authentication again', async () => {
		emulator.setAgentStatus(seedAgent().id, 'auth_needed');
		expect((await post(`/agents/${seedAgent().id}/setup`, credentials)).status).toBe(200);
		expect(seedAgent().status).toBe('running');
	});
});

describe('pause and resume', () => {
	it('pause running → paused, again is a 200 no-op; resume back, again a no-op', async () => {
		const id = seedAgent().id;
		const steps = [];
		for (const action of ['pause', 'pause', 'resume', 'resume']) {
			const reply = await post(`/agents/${id}/${action}`);
			steps.push([action, reply.status, reply.json.message, seedAgent().status]);
		}
		expect(steps).toEqual([
			['pause', 200, 'Agent paused successfully', 'paused'],
			['pause', 200, 'Agent paused successfully', 'paused'],
			['resume', 200, 'Agent resumed successfully', 'running'],
			['resume', 200, 'Agent resumed successfully', 'running'],
		]);
	});

	it.each(['setup_needed', 'auth_needed', 'auth_in_progress', 'disabled', 'ended'] as const)(
		'from %s both are 409 invalid_status with currentStatus',
		async (status) => {
			emulator.setAgentStatus(seedAgent().id, status);
			for (const action of ['pause', 'resume']) {
				const reply = await post(`/agents/${seedAgent().id}/${action}`);
				expect([reply.status, reply.json]).toEqual([
					409,
					{ error: 'invalid_status', message: expect.any(String), currentStatus: status },
				]);
			}
			expect(seedAgent().status).toBe(status);
		},
	);

	it("404 for an unknown agent, 403 for another team's", async () => {
		expect((await post('/agents/nope/pause')).status).toBe(404);
		expect((await post(`/agents/${otherAgent().id}/resume`)).status).toBe(403);
	});
});

describe('relaunch and delete (only when ended)', () => {
	it('refuse a running agent with the documented messages', async () => {
		const id = seedAgent().id;
		expectError(await post(`/agents/${id}/relaunch`), 409, {
			error: 'invalid_status',
			message: 'Agent can only be relaunched when status is ended',
			currentStatus: 'running',
		});
		expectError(await api(`/agents/${id}`, { method: 'DELETE' }), 409, {
			error: 'invalid_status',
			message: 'Agent can only be deleted when status is ended',
			currentStatus: 'running',
		});
	});

	it('relaunch an ended agent to setup_needed, clearing its credentials, same id', async () => {
		const id = seedAgent().id;
		emulator.setAgentStatus(id, 'ended');
		const reply = await post(`/agents/${id}/relaunch`);
		expect(reply.json).toEqual({
			message: 'Agent relaunched successfully',
			status: 'setup_needed',
		});
		expect(seedAgent()).toMatchObject({ id, status: 'setup_needed', login: null, country: null });
	});

	it('delete an ended agent; it is gone afterwards', async () => {
		const id = seedAgent().id;
		emulator.setAgentStatus(id, 'ended');
		const reply = await api(`/agents/${id}`, { method: 'DELETE' });
		expect([reply.status, reply.json]).toEqual([200, { message: 'Agent deleted successfully' }]);
		expect((await api(`/agents/${id}`)).status).toBe(404);
		expect((await api(`/agents/${id}`, { method: 'DELETE' })).status).toBe(404);
	});
});

describe('update', () => {
	it('changes only the sections and fields sent', async () => {
		const id = seedAgent().id;
		const before = seedAgent();
		const reply = await api(`/agents/${id}`, {
			method: 'PUT',
			body: {
				workingHours: { days: '1:1:1:1:0:0:0', stop: '18:30' },
				limits: { invitationsMax: 30 },
				settings: [{ key: 'skipInNetwork', value: true }],
			},
		});
		expect([reply.status, reply.json]).toEqual([
			200,
			{ id, message: 'Agent settings updated successfully' },
		]);
		const after = seedAgent();
		expect(after.usage.workingHours).toEqual({
			...before.usage.workingHours,
			days: '1:1:1:1:0:0:0',
			stop: '18:30',
		});
		expect(after.limits).toEqual({ ...before.limits, invitationsMax: 30 });
		expect(after.settings).toEqual({ skipInNetwork: true, invitationsOnly: false });
		expect(after.status).toBe('running');
	});

	it.each([
		['nothing to change', {}, /at least one of workingHours, limits, settings/],
		['six day flags', { workingHours: { days: '1:1:1:1:1:1' } }, /workingHours\.days/],
		['a flag that is not 0/1', { workingHours: { days: '1:1:1:1:1:0:2' } }, /days/],
		['24:00', { workingHours: { start: '24:00' } }, /workingHours\.start .*HH:MM/],
		['9:00', { workingHours: { stop: '9:00' } }, /workingHours\.stop/],
		['an empty workingHours', { workingHours: {} }, /workingHours must set/],
		['invitationsMin 0', { limits: { invitationsMin: 0 } }, /invitationsMin .*1 and 100/],
		['invitationsMax 101', { limits: { invitationsMax: 101 } }, /invitationsMax .*2 and 100/],
		['messagesMin 501', { limits: { messagesMin: 501 } }, /messagesMin .*1 and 500/],
		['messagesMax 1', { limits: { messagesMax: 1 } }, /messagesMax .*2 and 500/],
		['a fractional limit', { limits: { messagesMax: 2.5 } }, /messagesMax/],
		[
			'min above max',
			{ limits: { invitationsMin: 50, invitationsMax: 40 } },
			/invitationsMin must not be greater than limits\.invitationsMax/,
		],
		['min above the stored max', { limits: { messagesMin: 100 } }, /messagesMin must not be/],
		['settings that are not an array', { settings: { skipInNetwork: true } }, /settings must be/],
		['an unknown setting', { settings: [{ key: 'autoLike', value: true }] }, /settings\[0\]\.key/],
		['a setting value as text', { settings: [{ key: 'invitationsOnly', value: 'yes' }] }, /value/],
	])('refuses %s with 400 validation_error', async (_case, body, message) => {
		const reply = await api(`/agents/${seedAgent().id}`, { method: 'PUT', body });
		expect([reply.status, reply.json]).toEqual([
			400,
			{ error: 'validation_error', message: expect.stringMatching(message) },
		]);
	});

	it('validates before looking up: a bad body for an unknown agent is 400, a good one 404', async () => {
		const bad = await api('/agents/nope', { method: 'PUT', body: { limits: { messagesMax: 0 } } });
		const good = await api('/agents/nope', { method: 'PUT', body: { limits: { messagesMax: 9 } } });
		expect([bad.status, good.status]).toEqual([400, 404]);
	});
});

describe("the control plane sets an agent's status", () => {
	it('to any of the seven statuses', async () => {
		const reply = await control(`/agents/${seedAgent().id}/status`, {
			method: 'POST',
			body: { status: 'ended' },
		});
		expect([reply.status, reply.json]).toEqual([200, { id: seedAgent().id, status: 'ended' }]);
		expect(seedAgent().status).toBe('ended');
	});

	it('refuses an unknown status (400) or agent (404)', async () => {
		const bad = await control(`/agents/${seedAgent().id}/status`, {
			method: 'POST',
			body: { status: 'sleeping' },
		});
		const unknown = await control('/agents/nope/status', {
			method: 'POST',
			body: { status: 'ended' },
		});
		expect([bad.status, unknown.status]).toEqual([400, 404]);
	});
});
