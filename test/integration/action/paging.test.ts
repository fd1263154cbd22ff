import type { INodeExecutionData } from 'n8n-workflow';
import type { ListPaging } from '../../emulator';
import { useEmulator } from '../../support/emulator';
import { kakiyoAgainst } from './kakiyoRun';
import { WireKit } from './wire/wireRow';

/**
 * Get Many reads pages where Kakiyo pages (campaigns by the cursor Kakiyo names, Do Not Contact by
 * `limit`/`offset`), as large as Kakiyo allows, and stops at Limit; one call otherwise. Whatever
 * Kakiyo does with the paging parameters, no object is output twice and no page is skipped.
 */
let kit: WireKit;
const emulator = useEmulator();
const kakiyo = kakiyoAgainst(() => emulator);

beforeAll(async () => {
	kit = new WireKit(emulator);
});

const queries = () => emulator.requests().map((request) => request.query);

/** Kakiyo read another way (the emulator's listPaging option), with its own kit and runner. */
function pagingAs(listPaging: ListPaging) {
	const emulator = useEmulator({ listPaging });
	const kit = { current: undefined as unknown as WireKit };
	beforeAll(() => {
		kit.current = new WireKit(emulator);
	});
	return {
		emulator,
		kakiyo: kakiyoAgainst(() => emulator),
		kit: () => kit.current,
		queries: () => emulator.requests().map((request) => request.query),
	};
}

/** 1 seeded + 149 = 150 campaigns; returns their ids in creation order (Kakiyo's list order). */
async function campaigns150(kit: WireKit): Promise<string[]> {
	for (let index = 1; index < 150; index++) await kit.campaign(`Campaign ${index}`);
	kit.emulator.clearRequests();
	return kit.team().campaigns.map((campaign) => campaign.id);
}

const outputIds = (output: INodeExecutionData[], key = 'id') =>
	output.map((item) => item.json[key]);

describe('Campaign > Get Many (cursor)', () => {
	it('reads one page when Kakiyo offers no cursor: no cursor is made up (spec §1.7)', async () => {
		const ids = await campaigns150(kit);

		const output = await kakiyo.run({ resource: 'campaign', operation: 'getAll', returnAll: true });

		expect(outputIds(output)).toEqual(ids.slice(0, 100));
		expect(queries()).toEqual([{ limit: '100' }]);
	});

	describe('when Kakiyo names the next cursor', () => {
		const { kakiyo, kit, queries } = pagingAs({ nextCursor: true });

		it('with Return All follows it over every page, 100 at a time', async () => {
			const ids = await campaigns150(kit());

			const output = await kakiyo.run({
				resource: 'campaign',
				operation: 'getAll',
				returnAll: true,
			});

			expect(outputIds(output)).toEqual(ids);
			expect(queries()).toEqual([{ limit: '100' }, { limit: '100', after: ids[99] }]);
		});

		it('asks for no more than Limit', async () => {
			const ids = await campaigns150(kit());

			const output = await kakiyo.run({
				resource: 'campaign',
				operation: 'getAll',
				returnAll: false,
				limit: 120,
			});

			expect(outputIds(output)).toEqual(ids.slice(0, 120));
			expect(queries()).toEqual([{ limit: '100' }, { limit: '20', after: ids[99] }]);
		});
	});

	describe('when Kakiyo serves pages under 100 and reports no total', () => {
		const { kakiyo, kit, queries } = pagingAs({
			maxPageSize: 50,
			omitTotal: true,
			nextCursor: true,
		});

		it('a short page is not the last one: the cursor is followed to the end', async () => {
			const ids = await campaigns150(kit());

			const output = await kakiyo.run({
				resource: 'campaign',
				operation: 'getAll',
				returnAll: true,
			});

			expect(outputIds(output)).toEqual(ids);
			expect(queries()).toEqual([
				{ limit: '100' },
				{ limit: '100', after: ids[49] },
				{ limit: '100', after: ids[99] },
			]);
		});
	});

	describe('when Kakiyo ignores after and reports no total', () => {
		const { kakiyo, kit, queries } = pagingAs({ ignorePosition: true, omitTotal: true });

		it('outputs each campaign once', async () => {
			const ids = await campaigns150(kit());

			const output = await kakiyo.run({
				resource: 'campaign',
				operation: 'getAll',
				returnAll: true,
			});

			expect(outputIds(output)).toEqual(ids.slice(0, 100));
			expect(queries()).toEqual([{ limit: '100' }]);
		});
	});

	describe('when Kakiyo ignores after, reports no total and names a cursor', () => {
		const { kakiyo, kit, queries } = pagingAs({
			ignorePosition: true,
			omitTotal: true,
			nextCursor: true,
		});

		it('stops at the page that brings nothing new, and outputs each campaign once', async () => {
			const ids = await campaigns150(kit());

			const output = await kakiyo.run({
				resource: 'campaign',
				operation: 'getAll',
				returnAll: true,
			});

			expect(outputIds(output)).toEqual(ids.slice(0, 100));
			expect(queries()).toEqual([{ limit: '100' }, { limit: '100', after: ids[99] }]);
		});
	});
});

describe('Do Not Contact > Get Many (offset)', () => {
	beforeEach(async () => {
		const entries = Array.from({ length: 1100 }, (_, index) => ({ url: `in/person-${index}` }));
		await kit.call('POST', '/dnc/batch', { entries: entries.slice(0, 600) });
		await kit.call('POST', '/dnc/batch', { entries: entries.slice(600) });
		emulator.clearRequests();
	});

	it('with Return All reads 1,000 entries a page until the total', async () => {
		const output = await kakiyo.run({
			resource: 'doNotContact',
			operation: 'getAll',
			returnAll: true,
		});

		expect(output).toHaveLength(1100);
		expect(new Set(outputIds(output, '$id')).size).toBe(1100);
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

describe('Do Not Contact > Get Many, read another way', () => {
	/** Five entries, newest first as Kakiyo lists them; returns their ids in that order. */
	async function fiveEntries(kit: WireKit): Promise<string[]> {
		const entries = ['a', 'b', 'c', 'd', 'e'].map((slug) => ({ url: `in/${slug}` }));
		await kit.call('POST', '/dnc/batch', { entries });
		kit.emulator.clearRequests();
		return kit
			.team()
			.dnc.map((entry) => entry.$id)
			.reverse();
	}

	describe('when Kakiyo ignores offset', () => {
		const { kakiyo, kit, queries } = pagingAs({ ignorePosition: true, maxPageSize: 2 });

		it('stops at the page that brings nothing new, and outputs each entry once', async () => {
			const ids = await fiveEntries(kit());

			const output = await kakiyo.run({
				resource: 'doNotContact',
				operation: 'getAll',
				returnAll: true,
			});

			expect(outputIds(output, '$id')).toEqual(ids.slice(0, 2));
			expect(queries()).toEqual([
				{ limit: '1000', offset: '0' },
				{ limit: '1000', offset: '2' },
			]);
		});
	});

	describe('when Kakiyo serves short pages and reports no total', () => {
		const { kakiyo, kit, queries } = pagingAs({ omitTotal: true, maxPageSize: 2 });

		it('reads on until an empty page', async () => {
			const ids = await fiveEntries(kit());

			const output = await kakiyo.run({
				resource: 'doNotContact',
				operation: 'getAll',
				returnAll: true,
			});

			expect(outputIds(output, '$id')).toEqual(ids);
			expect(queries()).toEqual([
				{ limit: '1000', offset: '0' },
				{ limit: '1000', offset: '2' },
				{ limit: '1000', offset: '4' },
				{ limit: '1000', offset: '5' },
			]);
		});
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
