import { useEmulator } from '../support/emulator';
import { startEmulator } from './server';
import type { RunningEmulator } from './types';
import { clientsOf, ISO_TIME, newApiKey } from './testKit';

const otherKey = newApiKey();
const emulator = useEmulator({ otherTeam: { apiKeys: [otherKey] } });
const { api, control } = clientsOf(() => emulator);
const team = () => emulator.state().teams[0];
const other = () => emulator.state().teams[1];
const seedCampaign = () => team().campaigns[0];
const post = (path: string, body?: unknown) => api(path, { method: 'POST', body });
const createBody = (change: Record<string, unknown> = {}) => ({
	name: 'Spring push',
	productId: team().products[0].id,
	promptId: team().prompts[0].id,
	agentId: team().agents[0].id,
	...change,
});

describe('create', () => {
	it('answers 201 with the stored campaign, active, Kakiyo-node defaults for what was not sent', async () => {
		const body = createBody();
		const reply = await post('/campaigns', body);
		expect([reply.status, reply.json]).toEqual([
			201,
			{
				id: expect.stringMatching(/^[0-9a-f]{20}$/),
				...body,
				status: 'active',
				qualificationAutomatic: 70,
				qualificationVerification: 50,
				variables: {},
				createdAt: expect.stringMatching(ISO_TIME),
				updatedAt: expect.stringMatching(ISO_TIME),
				message: 'Campaign created successfully',
			},
		]);
		const stored = team().campaigns.at(-1)!;
		expect({ ...reply.json, message: undefined }).toEqual({ ...stored, message: undefined });
	});

	it('keeps thresholds and variables that are sent', async () => {
		const reply = await post(
			'/campaigns',
			createBody({
				qualificationAutomatic: 0,
				qualificationVerification: 100,
				variables: { painPoint: 'churn' },
			}),
		);
		expect(reply.json).toMatchObject({
			qualificationAutomatic: 0,
			qualificationVerification: 100,
			variables: { painPoint: 'churn' },
		});
	});

	it.each([
		['a 2-character name', { name: 'ab' }, /name must be between 3 and 100/],
		['a 101-character name', { name: 'x'.repeat(101) }, /name must be between 3 and 100/],
		['no productId', { productId: undefined }, /productId is required/],
		['no promptId', { promptId: '' }, /promptId is required/],
		['no agentId', { agentId: null }, /agentId is required/],
		['a threshold of -1', { qualificationAutomatic: -1 }, /qualificationAutomatic .*0 and 100/],
		['a threshold of 101', { qualificationVerification: 101 }, /qualificationVerification/],
		['a fractional threshold', { qualificationAutomatic: 50.5 }, /qualificationAutomatic/],
		['variables as a list', { variables: ['a'] }, /variables must be an object/],
		['a variable that is a number', { variables: { size: 5 } }, /variables\.size must be a string/],
	])('refuses %s with 400', async (_case, change, message) => {
		const reply = await post('/campaigns', createBody(change));
		expect([reply.status, reply.json]).toEqual([
			400,
			{ error: 'validation_error', message: expect.stringMatching(message) },
		]);
	});

	it.each([
		['productId', 'Product not found (productId)'],
		['promptId', 'Prompt not found (promptId)'],
		['agentId', 'Agent not found (agentId)'],
	])('an unknown %s is 404 naming the field', async (field, message) => {
		const reply = await post('/campaigns', createBody({ [field]: '0123456789abcdef0123' }));
		expect([reply.status, reply.json]).toEqual([404, { error: 'not_found', message }]);
	});

	it("another team's product is 403; validation still comes first", async () => {
		const theirs = await post('/campaigns', createBody({ productId: other().products[0].id }));
		expect([theirs.status, theirs.json]).toEqual([
			403,
			{ error: 'forbidden', message: 'You do not have access to this product' },
		]);
		const both = await post('/campaigns', createBody({ name: 'x', agentId: 'unknown' }));
		expect(both.status).toBe(400);
	});
});

describe('list, paged by limit and after', () => {
	async function createMany(count: number): Promise<string[]> {
		const ids = [seedCampaign().id];
		for (let i = 0; i < count; i++) {
			ids.push((await post('/campaigns', createBody({ name: `Campaign ${i}` }))).json.id);
		}
		return ids;
	}
	const idsOf = (reply: { json: { campaigns: Array<{ id: string }> } }) =>
		reply.json.campaigns.map((campaign) => campaign.id);

	it('pages in creation order; total counts them all', async () => {
		const ids = await createMany(4);
		const first = await api('/campaigns?limit=2');
		expect([idsOf(first), first.json.total]).toEqual([ids.slice(0, 2), 5]);
		expect(Object.keys(first.json).sort()).toEqual(['campaigns', 'total']); // no cursor offered
		const second = await api(`/campaigns?limit=2&after=${ids[1]}`);
		expect(idsOf(second)).toEqual(ids.slice(2, 4));
		const third = await api(`/campaigns?limit=2&after=${ids[3]}`);
		expect(idsOf(third)).toEqual([ids[4]]);
		const past = await api(`/campaigns?limit=2&after=${ids[4]}`);
		expect([idsOf(past), past.json.total]).toEqual([[], 5]);
	});

	it('answers 50 by default', async () => {
		await createMany(51);
		const reply = await api('/campaigns');
		expect([reply.json.campaigns.length, reply.json.total]).toEqual([50, 52]);
	});

	it.each([
		['limit=0', /limit must be an integer at least 1/],
		['limit=abc', /limit/],
		['after=0123456789abcdef0123', /after must be the id of a campaign/],
	])('refuses %s with 400', async (query, message) => {
		const reply = await api(`/campaigns?${query}`);
		expect([reply.status, reply.json.error, reply.json.message]).toEqual([
			400,
			'validation_error',
			expect.stringMatching(message),
		]);
	});

	it("shows only the caller's campaigns; another team's id is no cursor", async () => {
		expect(idsOf(await api('/campaigns'))).toEqual([seedCampaign().id]);
		const reply = await api(`/campaigns?after=${other().campaigns[0].id}`);
		expect(reply.status).toBe(400);
	});
});

describe('list with another paging reading (listPaging option)', () => {
	const idsOf = (reply: { json: { campaigns: Array<{ id: string }> } }) =>
		reply.json.campaigns.map((campaign) => campaign.id);
	/** Creates `count` campaigns in that emulator's main team; returns the team's campaign ids. */
	const createMany = async (paging: RunningEmulator, count: number) => {
		const { products, prompts, agents } = paging.state().teams[0];
		const refs = { productId: products[0].id, promptId: prompts[0].id, agentId: agents[0].id };
		for (let i = 0; i < count; i++) {
			const body = { name: `Campaign ${i}`, ...refs };
			await clientsOf(() => paging).api('/campaigns', { method: 'POST', body });
		}
		return paging.state().teams[0].campaigns.map((campaign) => campaign.id);
	};

	describe('capped pages with a next cursor', () => {
		const capped = useEmulator({ listPaging: { maxPageSize: 2, nextCursor: true } });
		const cappedApi = clientsOf(() => capped).api;

		it('serves at most maxPageSize and names the next cursor while campaigns follow', async () => {
			const ids = await createMany(capped, 4);
			const first = await cappedApi('/campaigns?limit=10');
			expect([idsOf(first), first.json.total, first.json.nextCursor]).toEqual([
				ids.slice(0, 2),
				5,
				ids[1],
			]);
			const second = await cappedApi(`/campaigns?limit=10&after=${first.json.nextCursor}`);
			expect([idsOf(second), second.json.nextCursor]).toEqual([ids.slice(2, 4), ids[3]]);
			const last = await cappedApi(`/campaigns?limit=10&after=${second.json.nextCursor}`);
			expect(idsOf(last)).toEqual([ids[4]]);
			expect(last.json).not.toHaveProperty('nextCursor');
		});
	});

	describe('no total, after ignored', () => {
		const careless = useEmulator({ listPaging: { omitTotal: true, ignorePosition: true } });
		const carelessApi = clientsOf(() => careless).api;

		it('answers the first page whatever after says, without total or cursor', async () => {
			const ids = await createMany(careless, 2);
			for (const after of [ids[0], 'not-a-campaign']) {
				const reply = await carelessApi(`/campaigns?limit=2&after=${after}`);
				expect([reply.status, reply.json]).toEqual([200, { campaigns: expect.any(Array) }]);
				expect(idsOf(reply)).toEqual(ids.slice(0, 2));
			}
		});
	});

	it('refuses a maxPageSize that is not a positive integer', async () => {
		await expect(startEmulator({ listPaging: { maxPageSize: 0 } })).rejects.toThrow(
			'Kakiyo emulator: listPaging.maxPageSize must be a positive integer',
		);
	});
});

describe('update', () => {
	it('changes only the fields sent (thresholds stay when only the name is sent)', async () => {
		const before = seedCampaign();
		const reply = await api(`/campaigns/${before.id}`, {
			method: 'PUT',
			body: { name: 'Renamed campaign' },
		});
		expect([reply.status, reply.json]).toEqual([
			200,
			{ id: before.id, message: 'Campaign updated successfully' },
		]);
		expect(seedCampaign()).toEqual({
			...before,
			name: 'Renamed campaign',
			updatedAt: expect.stringMatching(ISO_TIME),
		});
		await api(`/campaigns/${before.id}`, {
			method: 'PUT',
			body: { qualificationVerification: 10, variables: { benefit: 'time' } },
		});
		expect(seedCampaign()).toMatchObject({
			name: 'Renamed campaign',
			qualificationAutomatic: before.qualificationAutomatic,
			qualificationVerification: 10,
			variables: { benefit: 'time' },
		});
	});

	it('refuses an empty change or a bad field (400) before the lookup, then 404 / 403', async () => {
		const put = (id: string, body: unknown) => api(`/campaigns/${id}`, { method: 'PUT', body });
		expect((await put(seedCampaign().id, {})).json.message).toMatch(/at least one of name/);
		expect((await put('nope', { name: 'no' })).status).toBe(400);
		expect((await put('nope', { name: 'fine name' })).json).toEqual({
			error: 'not_found',
			message: 'Campaign not found',
		});
		expect((await put(other().campaigns[0].id, { name: 'fine name' })).json).toEqual({
			error: 'forbidden',
			message: 'You do not have access to this campaign',
		});
	});
});

describe('pause, resume and status', () => {
	it('active → paused → active, repeats are 200 no-ops', async () => {
		const id = seedCampaign().id;
		const steps = [];
		for (const action of ['pause', 'pause', 'resume', 'resume']) {
			const reply = await post(`/campaigns/${id}/${action}`);
			steps.push([reply.status, reply.json.message, seedCampaign().status]);
		}
		expect(steps).toEqual([
			[200, 'Campaign paused successfully', 'paused'],
			[200, 'Campaign paused successfully', 'paused'],
			[200, 'Campaign resumed successfully', 'active'],
			[200, 'Campaign resumed successfully', 'active'],
		]);
	});

	it('a completed campaign is 409 invalid_status for both', async () => {
		const set = await control(`/campaigns/${seedCampaign().id}/status`, {
			method: 'POST',
			body: { status: 'completed' },
		});
		expect(set.status).toBe(200);
		for (const action of ['pause', 'resume']) {
			const reply = await post(`/campaigns/${seedCampaign().id}/${action}`);
			expect([reply.status, reply.json]).toEqual([
				409,
				{ error: 'invalid_status', message: expect.any(String), currentStatus: 'completed' },
			]);
		}
	});
});

describe('stats', () => {
	it("are counted from the campaign's prospects and chats", async () => {
		const reply = await api(`/campaigns/${seedCampaign().id}/stats`);
		expect(reply.json).toEqual({
			campaignId: seedCampaign().id,
			name: seedCampaign().name,
			status: 'active',
			totalProspects: 2,
			invitationsSent: 2,
			connectionsMade: 1,
			totalMessages: 2,
			totalAnswers: 1,
			totalQualified: 0,
			totalDisqualified: 0,
			pausedConversations: 0,
			responseRate: 50,
			qualificationRate: 0,
		});
		expect((await api('/campaigns/nope/stats')).status).toBe(404);
	});
});

describe('delete', () => {
	it('refuses an active campaign with 409 campaign_active and the documented message', async () => {
		const reply = await api(`/campaigns/${seedCampaign().id}`, { method: 'DELETE' });
		expect([reply.status, reply.json]).toEqual([
			409,
			{
				error: 'campaign_active',
				message: 'Cannot delete active campaign. Please pause the campaign first.',
			},
		]);
	});

	it.each(['paused', 'completed'] as const)(
		'deletes a %s campaign with its prospects and answers the deletion summary',
		async (status) => {
			const { id, name } = seedCampaign();
			emulator.setCampaignStatus(id, status);
			const reply = await api(`/campaigns/${id}`, { method: 'DELETE' });
			expect([reply.status, reply.json]).toEqual([
				200,
				{
					message: 'Campaign deleted successfully',
					deletionSummary: {
						campaignId: id,
						campaignName: name,
						deletedItems: { prospects: 2, chats: 2, messages: 2, tasks: 0, webhookEvents: 0 },
						deletedAt: expect.stringMatching(ISO_TIME),
					},
				},
			]);
			expect(team().campaigns).toEqual([]);
			expect(team().prospects).toEqual([]);
			expect((await api(`/campaigns/${id}`, { method: 'DELETE' })).status).toBe(404);
		},
	);
});
