import type { ListPaging } from '../../emulator';
import { useEmulator } from '../../support/emulator';
import { kakiyoAgainst } from './kakiyoRun';
import { WireKit } from './wire/wireRow';

/**
 * Get Many reads pages where Kakiyo pages (campaigns by the cursor Kakiyo names, else by the last ID
 * while a total says there is more; Do Not Contact by `limit`/`offset`), as large as Kakiyo allows, and stops at Limit; one call otherwise. Whatever
 * Kakiyo does with the paging parameters, no object is output twice and no page is skipped.
 */
let kit: WireKit;
const emulator = useEmulator();
const kakiyo = kakiyoAgainst(() => emulator);

beforeAll(async () => {
	kit = new WireKit(emulator);
});

const queries = () => emulator.requests().map((request) => request.query);

/** Five Do Not Contact entries; their ids newest first (Kakiyo's list order). */
async function fiveEntries(kit: WireKit): Promise<string[]> {
	const entries = ['a', 'b', 'c', 'd', 'e'].map((slug) => ({ url: `in/${slug}` }));
	await kit.call('POST', '/dnc/batch', { entries });
	return kit
		.team()
		.dnc.map((entry) => entry.$id)
		.reverse();
}

interface Reading {
	/** How Kakiyo answers (the emulator's listPaging option). */
	kakiyo: string;
	listPaging: ListPaging;
	resource: 'campaign' | 'doNotContact';
	/** What Get Many does about it. */
	outcome: string;
	/** Limit; Return All when absent. */
	limit?: number;
	/** The output's ids, from the list's ids in Kakiyo's order. */
	output: (ids: string[]) => string[];
	/** The query of each call. */
	queries: (ids: string[]) => Array<Record<string, string>>;
}

const page = (limit: number, position: Record<string, string> = {}) => ({
	limit: String(limit),
	...position,
});

/**
 * Kakiyo documents little of its paging, so Get Many is run against each reading of it: whatever
 * Kakiyo does with `after` and `offset`, and whether it reports a total, no object is output twice
 * and no page is skipped.
 */
const READINGS: Reading[] = [
	{
		kakiyo: 'reports a total but names no cursor (as the emulator does by default)',
		listPaging: {},
		resource: 'campaign',
		outcome: 'reads on after the last ID while the total says there is more',
		output: (ids) => ids,
		queries: (ids) => [page(100), page(100, { after: ids[99] })],
	},
	{
		kakiyo: 'names no cursor and reports no total',
		listPaging: { omitTotal: true },
		resource: 'campaign',
		outcome: 'reads one page: no cursor is made up',
		output: (ids) => ids.slice(0, 100),
		queries: () => [page(100)],
	},
	{
		kakiyo: 'ignores after and names no cursor, reporting a total',
		listPaging: { ignorePosition: true },
		resource: 'campaign',
		outcome: 'stops when the last ID brings nothing new, each campaign output once',
		output: (ids) => ids.slice(0, 100),
		queries: (ids) => [page(100), page(100, { after: ids[99] })],
	},
	{
		kakiyo: 'names the next cursor',
		listPaging: { nextCursor: true },
		resource: 'campaign',
		outcome: 'follows it over every page, 100 at a time',
		output: (ids) => ids,
		queries: (ids) => [page(100), page(100, { after: ids[99] })],
	},
	{
		kakiyo: 'names the next cursor',
		listPaging: { nextCursor: true },
		resource: 'campaign',
		outcome: 'asks for no more than Limit',
		limit: 120,
		output: (ids) => ids.slice(0, 120),
		queries: (ids) => [page(100), page(20, { after: ids[99] })],
	},
	{
		kakiyo: 'serves pages under 100, reports no total and names the next cursor',
		listPaging: { maxPageSize: 50, omitTotal: true, nextCursor: true },
		resource: 'campaign',
		outcome: 'takes a short page for no last one and follows the cursor to the end',
		output: (ids) => ids,
		queries: (ids) => [page(100), page(100, { after: ids[49] }), page(100, { after: ids[99] })],
	},
	{
		kakiyo: 'ignores after and reports no total',
		listPaging: { ignorePosition: true, omitTotal: true },
		resource: 'campaign',
		outcome: 'outputs each campaign once',
		output: (ids) => ids.slice(0, 100),
		queries: () => [page(100)],
	},
	{
		kakiyo: 'ignores after, reports no total and names a cursor',
		listPaging: { ignorePosition: true, omitTotal: true, nextCursor: true },
		resource: 'campaign',
		outcome: 'stops at the page that brings nothing new, each campaign output once',
		output: (ids) => ids.slice(0, 100),
		queries: (ids) => [page(100), page(100, { after: ids[99] })],
	},
	{
		kakiyo: 'ignores offset',
		listPaging: { ignorePosition: true, maxPageSize: 2 },
		resource: 'doNotContact',
		outcome: 'stops at the page that brings nothing new, each entry output once',
		output: (ids) => ids.slice(0, 2),
		queries: () => [page(1000, { offset: '0' }), page(1000, { offset: '2' })],
	},
	{
		kakiyo: 'serves short pages and reports no total',
		listPaging: { omitTotal: true, maxPageSize: 2 },
		resource: 'doNotContact',
		outcome: 'reads on until an empty page',
		output: (ids) => ids,
		queries: () => ['0', '2', '4', '5'].map((offset) => page(1000, { offset })),
	},
];

describe.each(READINGS)('$resource > Get Many when Kakiyo $kakiyo', (reading) => {
	const paged = useEmulator({ listPaging: reading.listPaging });
	const pagedKakiyo = kakiyoAgainst(() => paged);

	it(reading.outcome, async () => {
		const kit = new WireKit(paged);
		const ids = await (reading.resource === 'campaign' ? kit.campaignsUpTo(150) : fiveEntries(kit));
		paged.clearRequests();

		const output = await pagedKakiyo.run({
			resource: reading.resource,
			operation: 'getAll',
			...(reading.limit ? { returnAll: false, limit: reading.limit } : { returnAll: true }),
		});

		const idKey = reading.resource === 'campaign' ? 'id' : '$id';
		expect(output.map((item) => item.json[idKey])).toEqual(reading.output(ids));
		expect(paged.requests().map((request) => request.query)).toEqual(reading.queries(ids));
	});
});

describe('Do Not Contact > Get Many (offset)', () => {
	beforeEach(async () => {
		await kit.doNotContactEntries(1100);
		emulator.clearRequests();
	});

	it('with Return All reads 1,000 entries a page until the total', async () => {
		const output = await kakiyo.run({
			resource: 'doNotContact',
			operation: 'getAll',
			returnAll: true,
		});

		expect(output).toHaveLength(1100);
		expect(new Set(output.map((item) => item.json.$id)).size).toBe(1100);
		expect(queries()).toEqual([
			{ limit: '1000', offset: '0' },
			{ limit: '1000', offset: '1000' },
		]);
	});

	it('stops at Limit', async () => {
		const output = await kakiyo.run({
			resource: 'doNotContact',
			operation: 'getAll',
			returnAll: false,
			limit: 1050,
		});

		expect(output).toHaveLength(1050);
		expect(queries()).toEqual([
			{ limit: '1000', offset: '0' },
			{ limit: '50', offset: '1000' },
		]);
	});
});

describe('Prospect > Search', () => {
	it("sends Limit as limit (as in Kakiyo's one example), and no limit with Return All", async () => {
		const search = { resource: 'prospect', operation: 'search', filters: { q: 'linkedin' } };

		const limited = await kakiyo.run({ ...search, returnAll: false, limit: 1 });
		const all = await kakiyo.run({ ...search, returnAll: true });

		expect([limited.length, all.length]).toEqual([1, 2]);
		expect(queries()).toEqual([{ q: 'linkedin', limit: '1' }, { q: 'linkedin' }]);
	});
});

describe('lists Kakiyo returns whole', () => {
	it('make one call and trim to Limit, or keep everything with Return All', async () => {
		for (let index = 0; index < 3; index++) await kit.agent();
		emulator.clearRequests();

		const limited = await kakiyo.run({
			resource: 'agent',
			operation: 'getAll',
			returnAll: false,
			limit: 2,
		});
		const all = await kakiyo.run({ resource: 'agent', operation: 'getAll', returnAll: true });

		expect(limited).toHaveLength(2);
		expect(all).toHaveLength(4);
		expect(kakiyo.calls()).toEqual([
			{ method: 'GET', path: '/v1/agents', status: 200 },
			{ method: 'GET', path: '/v1/agents', status: 200 },
		]);
	});

	it('fails clearly when Kakiyo answers a list in a shape it cannot read', async () => {
		emulator.injectFault({ path: '/v1/products', status: 200, body: { products: 'none' } });

		const error = await kakiyo.fail({ resource: 'product', operation: 'getAll', returnAll: true });

		expect(error.message).toBe('Kakiyo answered the products list in an unexpected shape');
	});
});
