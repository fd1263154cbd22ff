import { useEmulator } from '../support/emulator';
import { clientsOf, ISO_TIME, newApiKey, type Reply } from './testKit';

const otherKey = newApiKey();
const emulator = useEmulator({ otherTeam: { apiKeys: [otherKey] } });
const { api } = clientsOf(() => emulator);
const team = () => emulator.state().teams[0];
const add = (url: unknown, key?: string) => api('/dnc', { method: 'POST', body: { url }, key });
const check = (url: string) => api(`/dnc/check?url=${encodeURIComponent(url)}`);
const expectValidation = (reply: Reply<unknown>, message: RegExp) =>
	expect([reply.status, reply.json]).toEqual([
		400,
		{ error: 'validation_error', message: expect.stringMatching(message) },
	]);

describe('add and check', () => {
	it('add answers 201 in the {error, data, message} envelope with the stored entry', async () => {
		const reply = await add('https://www.linkedin.com/in/John-Smith/');
		expect([reply.status, reply.json]).toEqual([
			201,
			{
				error: null,
				data: {
					$id: expect.stringMatching(/^[0-9a-f]{20}$/),
					teamId: team().id,
					url: 'https://linkedin.com/in/john-smith',
					$createdAt: expect.stringMatching(ISO_TIME),
					$updatedAt: expect.stringMatching(ISO_TIME),
				},
				message: 'Added to Do Not Contact list',
			},
		]);
	});

	it.each([
		'https://linkedin.com/in/john-smith',
		'https://www.linkedin.com/in/john-smith/',
		'http://LinkedIn.com/in/John-Smith',
		'linkedin.com/in/john-smith',
		'www.linkedin.com/in/john-smith?trk=profile',
		'in/john-smith',
		'  in/john-smith/  ',
	])('%s is the same person once normalised', async (url) => {
		const { json: added } = await add('in/john-smith');
		const reply = await check(url);
		expect(reply.json).toEqual({ error: null, data: { onList: true, entry: added.data } });
		const again = await add(url);
		expect([again.status, again.json.error]).toEqual([409, 'already_exists']);
	});

	it('check answers onList: false without an entry for a URL not listed', async () => {
		expect((await check('in/nobody')).json).toEqual({ error: null, data: { onList: false } });
	});

	it.each([
		['no url', undefined, /url is required/],
		['a company page', 'https://linkedin.com/company/acme', /url must be a LinkedIn profile URL/],
		['another site', 'https://example.com/in/x', /LinkedIn profile URL/],
		['a number', 42, /LinkedIn profile URL/],
	])('add refuses %s with 400', async (_case, url, message) => {
		expectValidation(await add(url), message);
	});

	it('check refuses a missing url with 400', async () => {
		expectValidation(await api('/dnc/check'), /url is required/);
	});

	it('lists are per team: the other team has its own', async () => {
		await add('in/shared-person');
		expect((await add('in/shared-person', otherKey)).status).toBe(201);
		expect(team().dnc).toHaveLength(1);
		expect(emulator.state().teams[1].dnc).toHaveLength(1);
	});
});

describe('add many', () => {
	it('adds, skips duplicates and reports errors, with the documented counts and message', async () => {
		await add('in/already');
		const reply = await api('/dnc/batch', {
			method: 'POST',
			body: {
				entries: [
					{ url: 'https://www.linkedin.com/in/One/' },
					{ url: 'in/already' },
					{ url: 'linkedin.com/in/two' },
					{ url: 'https://example.com/nope' },
					{ url: 'in/one' },
				],
			},
		});
		expect([reply.status, reply.json]).toEqual([
			201,
			{
				error: null,
				data: {
					added: 2,
					duplicates: 2,
					errors: 1,
					details: [
						{ url: 'https://linkedin.com/in/one', status: 'added' },
						{ url: 'https://linkedin.com/in/already', status: 'duplicate' },
						{ url: 'https://linkedin.com/in/two', status: 'added' },
						{ url: 'https://example.com/nope', status: 'error', error: expect.any(String) },
						{ url: 'https://linkedin.com/in/one', status: 'duplicate' },
					],
				},
				message: 'Bulk import completed: 2 added, 2 duplicates, 1 errors',
			},
		]);
		expect(team().dnc).toHaveLength(3);
	});

	it.each([
		['no entries', {}, /entries is required/],
		['an empty list', { entries: [] }, /entries must contain at least 1 item/],
		['a bare string', { entries: ['in/x'] }, /entries\[0\] must be an object/],
		['an entry without url', { entries: [{ link: 'in/x' }] }, /entries\[0\]\.url is required/],
	])('refuses %s with 400', async (_case, body, message) => {
		expectValidation(await api('/dnc/batch', { method: 'POST', body }), message);
	});
});

describe('list', () => {
	it('is newest first, paged by limit and offset, in the envelope', async () => {
		for (const slug of ['a', 'b', 'c', 'd', 'e']) await add(`in/${slug}`);
		const page = await api('/dnc?limit=2&offset=1');
		expect(page.json).toEqual({
			error: null,
			data: {
				entries: [
					expect.objectContaining({ url: 'https://linkedin.com/in/d' }),
					expect.objectContaining({ url: 'https://linkedin.com/in/c' }),
				],
				total: 5,
				limit: 2,
				offset: 1,
			},
		});
		const all = await api('/dnc');
		expect(all.json.data).toMatchObject({ total: 5, limit: 50, offset: 0 });
		expect(all.json.data.entries.map((entry: { url: string }) => entry.url.slice(-1))).toEqual([
			'e',
			'd',
			'c',
			'b',
			'a',
		]);
		expect((await api('/dnc?offset=5')).json.data.entries).toEqual([]);
	});

	it.each(['limit=0', 'limit=1001', 'limit=ten', 'offset=-1'])(
		'refuses %s with 400',
		async (query) => {
			expect((await api(`/dnc?${query}`)).status).toBe(400);
		},
	);

	it('accepts limit 1000', async () => {
		expect((await api('/dnc?limit=1000')).json.data.limit).toBe(1000);
	});
});

describe('list with another paging reading (listPaging option)', () => {
	const careless = useEmulator({
		listPaging: { omitTotal: true, ignorePosition: true, maxPageSize: 2 },
	});
	const carelessApi = clientsOf(() => careless).api;

	it('serves at most maxPageSize from the newest, whatever offset says, without total', async () => {
		for (const slug of ['a', 'b', 'c']) {
			await carelessApi('/dnc', { method: 'POST', body: { url: `in/${slug}` } });
		}
		for (const offset of [0, 2]) {
			const reply = await carelessApi(`/dnc?limit=10&offset=${offset}`);
			expect(reply.json.data).toEqual({
				entries: [
					expect.objectContaining({ url: 'https://linkedin.com/in/c' }),
					expect.objectContaining({ url: 'https://linkedin.com/in/b' }),
				],
				limit: 10,
				offset,
			});
		}
	});
});

describe('delete', () => {
	it('by the entry $id, in the envelope; then 404', async () => {
		const { json: added } = await add('in/gone');
		const reply = await api(`/dnc/${added.data.$id}`, { method: 'DELETE' });
		expect([reply.status, reply.json]).toEqual([
			200,
			{ error: null, data: { message: 'DNC entry deleted successfully' } },
		]);
		expect((await check('in/gone')).json.data.onList).toBe(false);
		const again = await api(`/dnc/${added.data.$id}`, { method: 'DELETE' });
		expect([again.status, again.json]).toEqual([
			404,
			{ error: 'not_found', message: 'DNC entry not found' },
		]);
	});

	it("refuses another team's entry with 403", async () => {
		const { json: theirs } = await add('in/theirs', otherKey);
		const reply = await api(`/dnc/${theirs.data.$id}`, { method: 'DELETE' });
		expect([reply.status, reply.json.error]).toEqual([403, 'forbidden']);
	});
});

describe('imports skip listed people', () => {
	it('a listed URL counts in skippedDnc with a skipped_dnc row', async () => {
		await add('in/do-not-call');
		const started = await api('/prospects/batch', {
			method: 'POST',
			body: {
				campaignId: team().campaigns[0].id,
				prospects: [
					{ name: 'Listed', url: 'https://www.linkedin.com/in/Do-Not-Call/' },
					{ name: 'Fine', url: 'in/fine' },
				],
			},
		});
		const report = (await api(`/prospects/imports/${started.json.listId}`)).json;
		expect(report).toMatchObject({ imported: 1, skippedDnc: 1 });
		expect(report.report[0]).toMatchObject({
			status: 'skipped_dnc',
			linkedinSlug: 'do-not-call',
			prospectId: null,
			chatCreated: false,
		});
		expect(team().prospects.map((p) => p.name)).not.toContain('Listed');
	});
});

describe('rate limits (Kakiyo documents their own for these routes)', () => {
	const limited = useEmulator({ rateLimitPerMinute: 60 });
	const limitedApi = clientsOf(() => limited).api;

	async function statuses(
		count: number,
		path: string,
		method: string,
		body?: (i: number) => unknown,
	) {
		const seen: number[] = [];
		for (let i = 0; i < count; i++) {
			seen.push((await limitedApi(path, { method, body: body?.(i) })).status);
		}
		return seen;
	}

	it('POST /dnc/batch: 10 a minute, with a resetTime on the 429', async () => {
		const body = (i: number) => ({ entries: [{ url: `in/batch-${i}` }] });
		expect(await statuses(10, '/dnc/batch', 'POST', body)).toEqual(Array(10).fill(201));
		const refused = await limitedApi('/dnc/batch', { method: 'POST', body: body(11) });
		expect([refused.status, refused.json]).toEqual([
			429,
			{
				error: 'rate_limit_exceeded',
				message: expect.stringMatching(/10 requests per minute .*POST \/v1\/dnc\/batch/),
				resetTime: expect.stringMatching(ISO_TIME),
			},
		]);
	});

	it('POST /dnc and DELETE /dnc/:id: 30 a minute each', async () => {
		const body = (i: number) => ({ url: `in/single-${i}` });
		expect((await statuses(31, '/dnc', 'POST', body)).slice(-2)).toEqual([201, 429]);
		expect((await statuses(31, '/dnc/nope', 'DELETE')).slice(-2)).toEqual([404, 429]);
	});

	it('GET /dnc and /dnc/check: 60 a minute', async () => {
		expect((await statuses(61, '/dnc', 'GET')).slice(-2)).toEqual([200, 429]);
		expect((await statuses(61, '/dnc/check?url=in/x', 'GET')).slice(-2)).toEqual([200, 429]);
	});
});
