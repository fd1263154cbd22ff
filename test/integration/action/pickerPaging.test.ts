import { Kakiyo } from '../../../nodes/Kakiyo/Kakiyo.node';
import type { RunningEmulator } from '../../emulator';
import { useEmulator, withEmulator } from '../../support/emulator';
import { TestWorkflow } from '../../support/n8nRuntime';
import { WireKit } from './wire/wireRow';

/**
 * The campaign and Do Not Contact pickers page as Kakiyo pages those lists (campaigns by `after`,
 * entries by `offset`), one page a call, handing n8n a `paginationToken` for the next page until the
 * list ends, in n8n-core's real LoadOptionsContext against the emulator.
 */
const node = new Kakiyo();
const emulator = useEmulator();
let kit: WireKit;
beforeAll(() => {
	kit = new WireKit(emulator);
});

const context = (running: RunningEmulator, path: string) =>
	new TestWorkflow({
		nodeType: node,
		parameters: { resource: 'campaign', operation: 'pause' },
		credentials: { apiKey: running.apiKey, url: running.baseUrl },
	}).loadOptionsContext(path);

const searchCampaigns = (filter?: string, token?: string) =>
	node.methods.listSearch.searchCampaigns.call(
		context(emulator, 'parameters.campaignId'),
		filter,
		token,
	);

const queries = (running: RunningEmulator) => running.requests().map((request) => request.query);

describe('the campaign picker, 150 campaigns', () => {
	let ids: string[];
	beforeEach(async () => {
		ids = await kit.campaignsUpTo(150);
		emulator.clearRequests();
	});

	it('lists 100 a call and hands n8n a token for the rest, until the list ends', async () => {
		const first = await searchCampaigns();
		const second = await searchCampaigns(undefined, first.paginationToken);

		expect(first.results.map((result) => result.value)).toEqual(ids.slice(0, 100));
		expect(first.paginationToken).toEqual(expect.any(String));
		expect(second.results.map((result) => result.value)).toEqual(ids.slice(100));
		expect(second.paginationToken).toBeUndefined();
		expect(queries(emulator)).toEqual([{ limit: '100' }, { limit: '100', after: ids[99] }]);
	});

	it('reads on to the page a filter matches on', async () => {
		const found = await searchCampaigns('campaign 149');

		expect(found.results).toEqual([{ name: 'Campaign 149 (active)', value: ids[149] }]);
		expect(found.paginationToken).toBeUndefined();
		expect(queries(emulator)).toHaveLength(2);
	});

	it('starts over on a token it did not write', async () => {
		const found = await searchCampaigns(undefined, 'not a token');

		expect(found.results.map((result) => result.value)).toEqual(ids.slice(0, 100));
	});

	it('offers every campaign to Add Round Robin, page after page', async () => {
		const options = await node.methods.loadOptions.getCampaigns.call(
			context(emulator, 'parameters.campaignIds'),
		);

		expect(options.map((option) => option.value)).toEqual(ids);
		expect(queries(emulator)).toHaveLength(2);
	});
});

describe('the Do Not Contact entry picker', () => {
	const searchEntries = (running: RunningEmulator, token?: string) =>
		node.methods.listSearch.searchDoNotContactEntries.call(
			context(running, 'parameters.entryId'),
			undefined,
			token,
		);

	it('pages 1,100 entries by offset, 1,000 a call', async () => {
		const ids = await kit.doNotContactEntries(1100);
		emulator.clearRequests();

		const first = await searchEntries(emulator);
		const second = await searchEntries(emulator, first.paginationToken);

		expect(first.results.map((result) => result.value)).toEqual(ids.slice(0, 1000));
		expect(second.results.map((result) => result.value)).toEqual(ids.slice(1000));
		expect(second.paginationToken).toBeUndefined();
		expect(queries(emulator)).toEqual([
			{ limit: '1000', offset: '0' },
			{ limit: '1000', offset: '1000' },
		]);
	});

	it('goes on from what Kakiyo served when it serves less than asked', async () => {
		await withEmulator({ listPaging: { maxPageSize: 100 } }, async (short) => {
			const ids = await new WireKit(short).doNotContactEntries(250);
			short.clearRequests();

			const values: unknown[] = [];
			let token: string | undefined;
			do {
				const page = await searchEntries(short, token);
				values.push(...page.results.map((result) => result.value));
				token = page.paginationToken as string | undefined;
			} while (token);

			expect(values).toEqual(ids);
			expect(queries(short).map((query) => query.offset)).toEqual(['0', '100', '200']);
		});
	});
});
