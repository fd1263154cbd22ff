import { useEmulator, withEmulator } from '../support/emulator';
import { startScriptedServer } from '../support/scriptedServer';
import { call, clientsOf } from './testKit';

const emulator = useEmulator({ retryDelaysMs: [] });
const { api, control } = clientsOf(() => emulator);

describe('the request log', () => {
	it('keeps the method, the path as received, its query and the parsed JSON body', async () => {
		await api('/campaigns?limit=2&after=abc&tag=a&tag=b');
		await api('/webhooks', {
			method: 'POST',
			body: { name: 'n', url: 'https://example.com/h', events: ['*'] },
		});
		await api('/webhooks', { method: 'POST', body: '{"not json' });
		const [list, create, broken] = emulator.requests();
		expect(list).toMatchObject({
			method: 'GET',
			path: '/v1/campaigns?limit=2&after=abc&tag=a&tag=b',
			query: { limit: '2', after: 'abc', tag: ['a', 'b'] },
		});
		expect(list).not.toHaveProperty('body');
		expect(create).toMatchObject({
			method: 'POST',
			path: '/v1/webhooks',
			query: {},
			body: { name: 'n', url: 'https://example.com/h', events: ['*'] },
			status: 201,
		});
		expect(broken).toMatchObject({ rawBody: '{"not json', status: 400 });
		expect(broken).not.toHaveProperty('body');
	});

	it('can be cleared without touching the state, in-process and over the control plane', async () => {
		await api('/webhooks', {
			method: 'POST',
			body: { name: 'kept', url: 'https://example.com/h', events: ['*'] },
		});
		emulator.clearRequests();
		expect(emulator.requests()).toEqual([]);
		await api('/verify');
		const cleared = await control('/requests', { method: 'DELETE' });
		expect([cleared.status, cleared.json]).toEqual([200, { message: 'Request log cleared' }]);
		expect((await control('/requests')).json).toEqual({ requests: [], total: 0 });
		expect(emulator.webhooks().map((hook) => hook.name)).toEqual(['kept']);
	});
});

describe('credits', () => {
	it('cost 1 per authenticated call that reaches an endpoint, whatever its answer', async () => {
		expect(emulator.credits()).toBe(0);
		await api('/verify'); // 1
		await api('/agents/unknown-agent'); // 404 of an endpoint: 1
		await api('/campaigns', { method: 'POST', body: {} }); // 400 of an endpoint: 1
		await api('/no/such/route'); // no endpoint: free
		await call(`${emulator.baseUrl}/verify`); // no key: free
		emulator.injectFault({ path: '/v1/verify', status: 503 });
		await api('/verify'); // the fault answered before the API: free
		expect(emulator.credits()).toBe(3);
		expect((await control('/credits')).json).toEqual({ credits: 3 });
	});

	it('cost 2 per successful delivery, nothing for a failed one', async () => {
		const good = await startScriptedServer();
		const bad = await startScriptedServer({ status: 500 });
		try {
			for (const url of [good.url('/hook'), bad.url('/hook')]) {
				await api('/webhooks', { method: 'POST', body: { name: 'h', url, events: ['*'] } });
			}
			const before = emulator.credits();
			const result = await emulator.emit('linkedin.message.received');
			expect(result.deliveries.map((delivery) => delivery.delivered).sort()).toEqual([false, true]);
			expect(emulator.credits()).toBe(before + 2);
		} finally {
			await good.close();
			await bad.close();
		}
	});

	it('are counted per team, and reset with the state', async () => {
		await api('/verify');
		expect(emulator.state().teams[0].credits).toBe(1);
		emulator.reset();
		expect(emulator.credits()).toBe(0);
	});
});

describe('the state snapshot', () => {
	it('shows the seed: one running agent, a product, a prompt, an active campaign with two chats, six models', () => {
		const { teams, models } = emulator.state();
		expect(teams).toHaveLength(1);
		const [team] = teams;
		expect(team).toMatchObject({
			id: expect.stringMatching(/^[0-9a-f]{20}$/),
			role: 'main',
			plan: 'agency',
		});
		expect(team.agents.map((agent) => agent.status)).toEqual(['running']);
		expect([team.products.length, team.prompts.length]).toEqual([1, 1]);
		const [campaign] = team.campaigns;
		expect(campaign).toMatchObject({
			status: 'active',
			agentId: team.agents[0].id,
			productId: team.products[0].id,
			promptId: team.prompts[0].id,
		});
		expect(team.prospects.map((p) => [p.campaignId, p.chat.messages.length > 0])).toEqual([
			[campaign.id, true],
			[campaign.id, false],
		]);
		expect(models).toHaveLength(6);
	});

	it('is a copy, and is served over the control plane too', async () => {
		const snapshot = emulator.state();
		snapshot.teams[0].agents.length = 0;
		expect(emulator.state().teams[0].agents).toHaveLength(1);
		const served = await control('/state');
		expect(served.json).toEqual(emulator.state());
	});

	it('seed: false starts empty, models aside', async () => {
		await withEmulator({ seed: false }, async (empty) => {
			const { teams, models } = empty.state();
			expect(teams[0]).toMatchObject({ agents: [], campaigns: [], prospects: [], products: [] });
			expect(models).toHaveLength(6);
			empty.reset();
			expect(empty.state().teams[0].agents).toEqual([]);
		});
	});

	it('reset brings the seed back with new ids and keeps the team', () => {
		const before = emulator.state().teams[0];
		emulator.reset();
		const after = emulator.state().teams[0];
		expect(after.id).toBe(before.id);
		expect(after.agents[0].id).not.toBe(before.agents[0].id);
	});
});
