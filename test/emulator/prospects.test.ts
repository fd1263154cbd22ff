import { useEmulator } from '../support/emulator';
import { clientsOf, ISO_TIME, newApiKey } from './testKit';

const otherKey = newApiKey();
const emulator = useEmulator({ otherTeam: { apiKeys: [otherKey] } });
const { api } = clientsOf(() => emulator);
const team = () => emulator.state().teams[0];
const other = () => emulator.state().teams[1];
const campaign = () => team().campaigns[0];
/** The seed's John Smith (replied, two messages) and Sarah Lee (invited, no messages). */
const john = () => team().prospects.find((p) => p.name === 'John Smith')!;
const sarah = () => team().prospects.find((p) => p.name === 'Sarah Lee')!;
const post = (path: string, body?: unknown) => api(path, { method: 'POST', body });

const entryOf = (prospect: ReturnType<typeof john>) => ({
	id: prospect.id,
	chatId: prospect.chat.id,
	name: prospect.name,
	url: prospect.url,
	headline: prospect.headline,
	campaignId: prospect.campaignId,
	status: prospect.chat.status,
	qualification: prospect.chat.qualification,
	paused: prospect.chat.paused,
	lastMessage: prospect.chat.lastMessage,
	createdAt: prospect.createdAt,
});

describe('lists', () => {
	it("by campaign: {prospects, total}, each entry with both the prospect's and the chat's id", async () => {
		const reply = await api(`/prospects/campaign/${campaign().id}`);
		expect(reply.json).toEqual({ prospects: [entryOf(john()), entryOf(sarah())], total: 2 });
		expect(reply.json.prospects[0]).toMatchObject({
			id: expect.stringMatching(/^[0-9a-f]{20}$/),
			chatId: expect.stringMatching(/^[0-9a-f]{20}$/),
			url: 'https://linkedin.com/in/johnsmith',
			status: 2,
			qualification: 'inProgress',
			paused: false,
			lastMessage: expect.stringMatching(ISO_TIME),
		});
		expect(reply.json.prospects[1].lastMessage).toBeNull();
	});

	it("by campaign: 404 for an unknown campaign, 403 for another team's", async () => {
		expect((await api('/prospects/campaign/nope')).json).toEqual({
			error: 'not_found',
			message: 'Campaign not found',
		});
		expect((await api(`/prospects/campaign/${other().campaigns[0].id}`)).status).toBe(403);
	});

	it.each([
		['', ['John Smith', 'Sarah Lee']],
		['q=SMITH', ['John Smith']],
		['q=in/sarah', ['Sarah Lee']],
		['status=2', ['John Smith']],
		['status=1', ['Sarah Lee']],
		['qualification=inProgress', ['John Smith', 'Sarah Lee']],
		['qualification=qualified', []],
		['campaignId=CAMPAIGN', ['John Smith', 'Sarah Lee']],
		['campaignId=0123456789abcdef0123', []],
		['limit=1', ['John Smith']],
	])('search ?%s', async (query, names) => {
		const reply = await api(`/prospects/search?${query.replace('CAMPAIGN', campaign().id)}`);
		expect(reply.json.prospects.map((p: { name: string }) => p.name)).toEqual(names);
		// total counts every match, also those past the limit.
		expect(reply.json.total).toBe(query === 'limit=1' ? 2 : names.length);
	});

	it("search never shows another team's prospects, and refuses a bad limit", async () => {
		const theirs = await api('/prospects/search', { key: otherKey });
		expect(theirs.json.prospects.map((p: { id: string }) => p.id)).toEqual(
			other().prospects.map((p) => p.id),
		);
		expect((await api('/prospects/search?limit=0')).status).toBe(400);
	});
});

describe('get', () => {
	it('answers the documented conversation object for a chatId', async () => {
		const prospect = john();
		const reply = await api(`/prospects/${prospect.chat.id}`);
		expect(reply.json).toEqual({
			id: prospect.chat.id,
			status: 2,
			qualification: 'inProgress',
			paused: false,
			lastMessage: prospect.chat.lastMessage,
			campaign: { id: campaign().id, name: campaign().name },
			prospect: {
				id: prospect.id,
				name: 'John Smith',
				url: 'https://linkedin.com/in/johnsmith',
				headline: 'VP of Sales at Acme Inc',
				location: { city: 'San Francisco', country: 'United States' },
				about: expect.any(String),
			},
			messages: [
				{ role: 'assistant', content: expect.any(String), date: expect.stringMatching(ISO_TIME) },
				{ role: 'user', content: expect.any(String), date: expect.stringMatching(ISO_TIME) },
			],
		});
	});

	it('also finds the chat from its prospectId', async () => {
		const reply = await api(`/prospects/${john().id}`);
		expect(reply.json.id).toBe(john().chat.id);
	});

	it('404 "Prospect not found" for an unknown id, 403 for another team\'s chat', async () => {
		expect((await api('/prospects/0123456789abcdef0123')).json).toEqual({
			error: 'not_found',
			message: 'Prospect not found',
		});
		expect((await api(`/prospects/${other().prospects[0].chat.id}`)).json).toEqual({
			error: 'forbidden',
			message: 'You do not have access to this prospect',
		});
	});
});

describe('pause, resume, qualify', () => {
	it('pause and resume flip the paused flag, repeats included', async () => {
		const chatId = sarah().chat.id;
		const seen = [];
		for (const action of ['pause', 'pause', 'resume', 'resume']) {
			const reply = await post(`/prospects/${chatId}/${action}`);
			seen.push([reply.status, reply.json, sarah().chat.paused]);
		}
		const paused = { message: 'Conversation paused successfully' };
		const resumed = { message: 'Conversation resumed successfully' };
		expect(seen).toEqual([
			[200, paused, true],
			[200, paused, true],
			[200, resumed, false],
			[200, resumed, false],
		]);
	});

	it('qualify marks the chat qualified and answers its chatId', async () => {
		const reply = await post(`/prospects/${sarah().chat.id}/qualify`);
		expect([reply.status, reply.json]).toEqual([
			200,
			{
				message: 'Prospect qualified successfully',
				chatId: sarah().chat.id,
				qualification: 'qualified',
			},
		]);
		expect(sarah().chat).toMatchObject({
			qualification: 'qualified',
			qualifiedAt: expect.stringMatching(ISO_TIME),
		});
	});

	it.each(['pause', 'resume', 'qualify'])('%s: 404 unknown, 403 another team', async (action) => {
		expect((await post(`/prospects/nope/${action}`)).status).toBe(404);
		expect((await post(`/prospects/${other().prospects[0].chat.id}/${action}`)).status).toBe(403);
		expect(other().prospects[0].chat).toMatchObject({ paused: false, qualification: 'inProgress' });
	});
});

describe('custom data', () => {
	const patch = (chatId: string, body: unknown) =>
		api(`/prospects/${chatId}/custom-data`, { method: 'PATCH', body });

	it('is saved, shown on the conversation, and cleared by ""', async () => {
		const chatId = john().chat.id;
		const saved = await patch(chatId, { customData: 'CRM id 42' });
		expect(saved.json).toEqual({
			message: 'Conversation customData updated successfully',
			chatId,
			customDataSaved: true,
			customDataLength: 9,
		});
		expect((await api(`/prospects/${chatId}`)).json.customData).toBe('CRM id 42');
		const cleared = await patch(chatId, { customData: '' });
		expect(cleared.json).toMatchObject({ customDataSaved: false, customDataLength: 0 });
		expect((await api(`/prospects/${chatId}`)).json).not.toHaveProperty('customData');
	});

	it('is truncated to 3000 characters', async () => {
		const reply = await patch(john().chat.id, { customData: 'x'.repeat(3500) });
		expect(reply.json.customDataLength).toBe(3000);
		expect(john().chat.customData).toHaveLength(3000);
	});

	it('refuses a missing or non-string value (400 first), then 404 / 403', async () => {
		expect((await patch(john().chat.id, {})).json.message).toBe('customData is required');
		expect((await patch('nope', { customData: 5 })).json.message).toBe(
			'customData must be a string',
		);
		expect((await patch('nope', { customData: 'a' })).status).toBe(404);
		expect((await patch(other().prospects[0].chat.id, { customData: 'a' })).status).toBe(403);
	});
});

describe('delete one', () => {
	it('refuses a prospect whose chat is running: 409 prospect_active', async () => {
		const reply = await api(`/prospects/${john().id}`, { method: 'DELETE' });
		expect([reply.status, reply.json]).toEqual([
			409,
			{
				error: 'prospect_active',
				message: 'Cannot delete prospect with active conversation. Please pause first.',
			},
		]);
	});

	it("deletes a paused one with the documented summary and the campaign's new counts", async () => {
		const { id, chat } = john();
		await post(`/prospects/${chat.id}/pause`);
		const reply = await api(`/prospects/${id}`, { method: 'DELETE' });
		expect([reply.status, reply.json]).toEqual([
			200,
			{
				message: 'Prospect deleted successfully',
				deletionSummary: {
					prospectId: id,
					prospectName: 'John Smith',
					campaignId: campaign().id,
					campaignName: campaign().name,
					deletedItems: { chats: 1, messages: 2, tasks: 0, webhookEvents: 0 },
					deletedAt: expect.stringMatching(ISO_TIME),
				},
				campaignStatsUpdated: { prospectsCount: 1, messagesCount: 0, qualifiedCount: 0 },
			},
		]);
		expect(team().prospects.map((p) => p.name)).toEqual(['Sarah Lee']);
		expect((await api(`/prospects/${chat.id}`)).status).toBe(404);
	});

	it("takes a prospectId only: 404 for a chatId or an unknown id, 403 for another team's", async () => {
		await post(`/prospects/${john().chat.id}/pause`);
		expect((await api(`/prospects/${john().chat.id}`, { method: 'DELETE' })).status).toBe(404);
		expect((await api(`/prospects/${other().prospects[0].id}`, { method: 'DELETE' })).json).toEqual(
			{ error: 'forbidden', message: 'You do not have access to this prospect' },
		);
	});
});

describe('delete many', () => {
	const bulk = (body: unknown) => api('/prospects', { method: 'DELETE', body });

	it("reports each id; counts and the campaign's new stats follow", async () => {
		const [johnId, theirId] = [john().id, other().prospects[0].id];
		const reply = await bulk({ prospectIds: [johnId, '0123456789abcdef0123', theirId] });
		expect(reply.json).toEqual({
			message: 'Bulk deletion completed',
			summary: {
				requested: 3,
				successful: 1,
				failed: 2,
				processedAt: expect.stringMatching(ISO_TIME),
			},
			results: [
				{
					prospectId: johnId,
					status: 'success',
					prospectName: 'John Smith',
					deletedItems: { chats: 1, messages: 2, tasks: 0, webhookEvents: 0 },
				},
				{
					prospectId: '0123456789abcdef0123',
					status: 'failed',
					error: 'not_found',
					message: 'Prospect not found',
				},
				{
					prospectId: theirId,
					status: 'failed',
					error: 'forbidden',
					message: 'You do not have access to this prospect',
				},
			],
			campaignStatsUpdated: {
				campaignId: campaign().id,
				prospectsCount: 1,
				messagesCount: 0,
				qualifiedCount: 0,
			},
		});
		expect(other().prospects).toHaveLength(2);
	});

	it('with campaignId, skips prospects of other campaigns as not found', async () => {
		const created = await api('/campaigns', {
			method: 'POST',
			body: {
				name: 'Second campaign',
				productId: team().products[0].id,
				promptId: team().prompts[0].id,
				agentId: team().agents[0].id,
			},
		});
		const reply = await bulk({ prospectIds: [sarah().id], campaignId: created.json.id });
		expect(reply.json.results[0]).toMatchObject({ status: 'failed', error: 'not_found' });
		expect(reply.json.campaignStatsUpdated).toEqual({
			campaignId: created.json.id,
			prospectsCount: 0,
			messagesCount: 0,
			qualifiedCount: 0,
		});
		expect(sarah()).toBeDefined();
		expect((await bulk({ prospectIds: [sarah().id], campaignId: 'nope' })).status).toBe(404);
	});

	it.each([
		['no ids', {}, /prospectIds is required/],
		['an empty list', { prospectIds: [] }, /at least 1 item/],
		['101 ids', { prospectIds: Array.from({ length: 101 }, (_, i) => `id${i}`) }, /at most 100/],
		['an empty id', { prospectIds: ['a', ''] }, /prospectIds\[1\] is required/],
		['ids that are not a list', { prospectIds: 'abc' }, /must be an array/],
	])('refuses %s with 400', async (_case, body, message) => {
		const reply = await bulk(body);
		expect([reply.status, reply.json.message]).toEqual([400, expect.stringMatching(message)]);
	});
});
