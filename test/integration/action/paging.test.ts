import { useEmulator } from '../../support/emulator';
import { kakiyoAgainst } from './kakiyoRun';
import { WireKit } from './wire/wireRow';

/**
 * Get Many reads pages where Kakiyo pages (campaigns by an `after` cursor, Do Not Contact by
 * `limit`/`offset`), as large as Kakiyo allows, and stops at Limit; one call otherwise.
 */
let kit: WireKit;
const emulator = useEmulator();
const kakiyo = kakiyoAgainst(() => emulator);

beforeAll(async () => {
	kit = new WireKit(emulator);
});

const queries = () => emulator.requests().map((request) => request.query);

describe('Campaign > Get Many (cursor)', () => {
	beforeEach(async () => {
		// 1 seeded + 149 = 150 campaigns: two pages of 100.
		for (let index = 1; index < 150; index++) await kit.campaign(`Campaign ${index}`);
		emulator.clearRequests();
	});

	it('with Return All follows the cursor over every page, 100 at a time', async () => {
		const output = await kakiyo.run({ resource: 'campaign', operation: 'getAll', returnAll: true });

		const ids = kit.team().campaigns.map((campaign) => campaign.id);
		expect(output.map((item) => item.json.id)).toEqual(ids);
		expect(queries()).toEqual([{ limit: '100' }, { limit: '100', after: ids[99] }]);
	});

	it('asks for no more than Limit', async () => {
		const output = await kakiyo.run({
			resource: 'campaign',
			operation: 'getAll',
			returnAll: false,
			limit: 120,
		});

		expect(output).toHaveLength(120);
		const ids = kit.team().campaigns.map((campaign) => campaign.id);
		expect(queries()).toEqual([{ limit: '100' }, { limit: '20', after: ids[99] }]);
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
