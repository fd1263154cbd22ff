import { useEmulator } from '../support/emulator';
import { waitFor } from '../support/waitFor';
import { clientsOf, ISO_TIME, newApiKey } from './testKit';

const otherKey = newApiKey();
const emulator = useEmulator({ otherTeam: { apiKeys: [otherKey] } });
const { api } = clientsOf(() => emulator);
const team = () => emulator.state().teams[0];
const campaign = () => team().campaigns[0];
const post = (path: string, body?: unknown) => api(path, { method: 'POST', body });
const newCampaign = async (name: string): Promise<string> =>
	(
		await post('/campaigns', {
			name,
			productId: team().products[0].id,
			promptId: team().prompts[0].id,
			agentId: team().agents[0].id,
		})
	).json.id;

describe('add one prospect', () => {
	it('starts an import that is complete by the next request, with a prospect and a chat', async () => {
		const reply = await post('/prospects', {
			campaignId: campaign().id,
			name: 'Ada Lovelace',
			url: 'https://www.linkedin.com/in/Ada-Lovelace/?trk=x',
			additionalFields: [{ fieldName: 'headline', fieldValue: 'Analyst at Babbage & Co' }],
			customData: 'met at conf',
		});
		expect([reply.status, reply.json]).toEqual([
			200,
			{
				message: 'Prospect import started',
				listId: expect.stringMatching(/^[0-9a-f]{20}$/),
				campaignId: campaign().id,
				total: 1,
			},
		]);
		const report = await api(`/prospects/imports/${reply.json.listId}`);
		const ada = team().prospects.find((prospect) => prospect.name === 'Ada Lovelace')!;
		expect(report.json).toEqual({
			listId: reply.json.listId,
			campaignId: campaign().id,
			status: 'completed',
			total: 1,
			processed: 1,
			imported: 1,
			existing: 0,
			invalid: 0,
			skippedDnc: 0,
			enrichmentFailed: 0,
			currentIndex: 1,
			startedAt: expect.stringMatching(ISO_TIME),
			lastProcessedAt: expect.stringMatching(ISO_TIME),
			completedAt: expect.stringMatching(ISO_TIME),
			report: [
				{
					index: 0,
					inputUrl: 'https://www.linkedin.com/in/Ada-Lovelace/?trk=x',
					linkedinSlug: 'ada-lovelace',
					status: 'imported',
					prospectId: ada.id,
					chatId: ada.chat.id,
					message: 'Prospect imported and enriched',
					chatCreated: true,
					customDataSaved: true,
				},
			],
		});
		expect(ada).toMatchObject({
			url: 'https://linkedin.com/in/ada-lovelace',
			headline: 'Analyst at Babbage & Co',
			chat: { status: 1, qualification: 'inProgress', paused: false, customData: 'met at conf' },
		});
		const chat = await api(`/prospects/${ada.chat.id}`);
		expect(chat.json).toMatchObject({ customData: 'met at conf', messages: [] });
	});

	it.each([
		['no campaignId', { campaignId: undefined }, /campaignId is required/],
		['no name', { name: '' }, /name is required/],
		['no url', { url: undefined }, /url is required/],
		['additionalFields that are not a list', { additionalFields: {} }, /additionalFields must/],
		[
			'a field without a name',
			{ additionalFields: [{ fieldValue: 'x' }] },
			/additionalFields\[0\]\.fieldName is required/,
		],
		[
			'a field value that is a number',
			{ additionalFields: [{ fieldName: 'size', fieldValue: 5 }] },
			/additionalFields\[0\]\.fieldValue must be a string/,
		],
		['customData that is not text', { customData: 5 }, /customData must be a string/],
	])('refuses %s with 400', async (_case, change, message) => {
		const body = { campaignId: campaign().id, name: 'A', url: 'in/a', ...change };
		const reply = await post('/prospects', body);
		expect([reply.status, reply.json.message]).toEqual([400, expect.stringMatching(message)]);
	});

	it("404 for an unknown campaign, 403 for another team's", async () => {
		const body = { name: 'A', url: 'in/a' };
		expect((await post('/prospects', { ...body, campaignId: 'nope' })).json).toEqual({
			error: 'not_found',
			message: 'Campaign not found',
		});
		const theirs = emulator.state().teams[1].campaigns[0].id;
		expect((await post('/prospects', { ...body, campaignId: theirs })).status).toBe(403);
	});
});

describe('add many', () => {
	it('imports new URLs, counts existing and invalid ones, one row each in order', async () => {
		const reply = await post('/prospects/batch', {
			campaignId: campaign().id,
			prospects: [
				{ name: 'New One', url: 'linkedin.com/in/new-one' },
				{ name: 'John again', url: 'https://www.linkedin.com/in/JohnSmith/' },
				{ name: 'Not LinkedIn', url: 'https://example.com/people/x' },
				{ name: 'New One twice', url: 'in/new-one' },
				{ name: 'A company page', url: 'https://linkedin.com/company/acme' },
			],
		});
		expect(reply.json).toMatchObject({ message: 'Prospect import started', total: 5 });
		const report = (await api(`/prospects/imports/${reply.json.listId}`)).json;
		expect(report).toMatchObject({
			status: 'completed',
			total: 5,
			processed: 5,
			imported: 1,
			existing: 2,
			invalid: 2,
			skippedDnc: 0,
		});
		const john = team().prospects.find((prospect) => prospect.name === 'John Smith')!;
		const created = team().prospects.find((prospect) => prospect.name === 'New One')!;
		expect(
			report.report.map((row: Record<string, unknown>) => [row.status, row.prospectId]),
		).toEqual([
			['imported', created.id],
			['existing', john.id],
			['invalid', null],
			['existing', created.id],
			['invalid', null],
		]);
		expect(report.report[1]).toMatchObject({
			linkedinSlug: 'johnsmith',
			chatId: john.chat.id,
			chatCreated: false,
		});
		expect(team().prospects).toHaveLength(3);
	});

	it.each([
		['no prospects', { prospects: undefined }, /prospects is required/],
		['an empty list', { prospects: [] }, /prospects must contain at least 1 item/],
		['an entry without url', { prospects: [{ name: 'x' }] }, /prospects\[0\]\.url is required/],
		['an entry that is text', { prospects: ['in/x'] }, /prospects\[0\] must be an object/],
	])('refuses %s with 400', async (_case, change, message) => {
		const reply = await post('/prospects/batch', { campaignId: campaign().id, ...change });
		expect([reply.status, reply.json.message]).toEqual([400, expect.stringMatching(message)]);
	});
});

describe('round robin', () => {
	it('deals the prospects over the campaigns in turn, with the documented report and a listId', async () => {
		const second = await newCampaign('Second campaign');
		const reply = await post('/prospects/batch/round-robin', {
			campaignIds: [campaign().id, second],
			prospects: ['a', 'b', 'c', 'd', 'e'].map((slug) => ({
				name: slug.toUpperCase(),
				url: `in/${slug}`,
				ongoing: true,
			})),
		});
		expect([reply.status, reply.json]).toEqual([
			200,
			{
				message: 'Round Robin distribution completed',
				totalProspects: 5,
				campaignsCount: 2,
				distribution: [
					{ campaignId: campaign().id, campaignName: campaign().name, prospectsAssigned: 3 },
					{ campaignId: second, campaignName: 'Second campaign', prospectsAssigned: 2 },
				],
				listId: expect.stringMatching(/^[0-9a-f]{20}$/),
			},
		]);
		const inSecond = await api(`/prospects/campaign/${second}`);
		expect(inSecond.json.prospects.map((p: { name: string }) => p.name)).toEqual(['B', 'D']);
		const report = (await api(`/prospects/imports/${reply.json.listId}`)).json;
		expect(report).toMatchObject({ campaignId: null, campaignIds: [campaign().id, second] });
		expect(report.report.map((row: { campaignId: string }) => row.campaignId)).toEqual([
			campaign().id,
			second,
			campaign().id,
			second,
			campaign().id,
		]);
	});

	it('refuses fewer than two campaigns, a repeated one (400), an unknown one (404)', async () => {
		const prospects = [{ name: 'A', url: 'in/a' }];
		const once = await post('/prospects/batch/round-robin', {
			campaignIds: [campaign().id],
			prospects,
		});
		expect(once.json.message).toMatch(/campaignIds must contain at least 2 items/);
		const twice = await post('/prospects/batch/round-robin', {
			campaignIds: [campaign().id, campaign().id],
			prospects,
		});
		expect(twice.json.message).toMatch(/twice/);
		const unknown = await post('/prospects/batch/round-robin', {
			campaignIds: [campaign().id, 'nope'],
			prospects,
		});
		expect([unknown.status, unknown.json.message]).toEqual([404, 'Campaign not found']);
		expect(team().prospects).toHaveLength(2);
	});
});

describe('import status', () => {
	it("404 for an unknown list, 403 for another team's", async () => {
		expect((await api('/prospects/imports/0123456789abcdef0123')).json).toEqual({
			error: 'not_found',
			message: 'Import not found',
		});
		const listed = await api('/prospects', {
			method: 'POST',
			key: otherKey,
			body: { campaignId: emulator.state().teams[1].campaigns[0].id, name: 'T', url: 'in/t' },
		});
		expect((await api(`/prospects/imports/${listed.json.listId}`)).status).toBe(403);
	});
});

describe('with importDelayMs', () => {
	const slow = useEmulator({ importDelayMs: 300 });

	it('stays processing until the delay has passed, then completes', async () => {
		const slowApi = clientsOf(() => slow).api;
		const campaignId = slow.state().teams[0].campaigns[0].id;
		const started = Date.now();
		const reply = await slowApi('/prospects/batch', {
			method: 'POST',
			body: { campaignId, prospects: [{ name: 'Later', url: 'in/later' }] },
		});
		const path = `/prospects/imports/${reply.json.listId}`;
		const pending = await slowApi(path);
		expect(pending.json).toMatchObject({
			status: 'processing',
			total: 1,
			processed: 0,
			imported: 0,
			lastProcessedAt: null,
			completedAt: null,
			report: [],
		});
		expect((await slowApi(`/prospects/campaign/${campaignId}`)).json.total).toBe(2);
		const done = await waitFor(
			async () => {
				const report = (await slowApi(path)).json;
				return report.status === 'completed' && report;
			},
			{ what: 'the import to complete', timeoutMs: 5000, intervalMs: 20 },
		);
		expect(Date.now() - started).toBeGreaterThanOrEqual(300);
		expect(done).toMatchObject({
			imported: 1,
			processed: 1,
			completedAt: expect.stringMatching(ISO_TIME),
		});
		expect((await slowApi(`/prospects/campaign/${campaignId}`)).json.total).toBe(3);
	});
});
