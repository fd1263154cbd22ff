import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { MAX_GET_MANY_ITEMS } from '../../../nodes/Kakiyo/engine/paging';
import { useEmulator } from '../../support/emulator';
import type { RecordedCall } from '../../support/scriptedServer';
import { scriptedServerForThisFile } from '../../support/scriptedServer';
import { failKakiyo, kakiyoAgainst, runKakiyo } from './kakiyoRun';
import { WireKit } from './wire/wireRow';

/**
 * Get Many is bounded whatever the server does: one input item never collects more than
 * MAX_GET_MANY_ITEMS items nor reads more than 1,000 pages (a credit each). Past either bound it
 * fails, naming the bound, and outputs nothing, rather than filling n8n's memory and execution data.
 */
const endless = scriptedServerForThisFile();

const query = (call: RecordedCall) => new URL(call.url, 'http://x').searchParams;

/** A campaign list that always has one more page of fresh campaigns (as many as asked, or `size`). */
function endlessCampaigns(options: { size?: number; total?: number }) {
	endless.answer({
		body: (call: RecordedCall) => {
			const asked = Number(query(call).get('limit'));
			const after = query(call).get('after') ?? 'first';
			const campaigns = Array.from({ length: options.size ?? asked }, (_, index) => ({
				id: `${after}-${index}`,
				name: 'Campaign',
			}));
			const last = campaigns[campaigns.length - 1].id;
			return { campaigns, nextCursor: last, ...(options.total ? { total: options.total } : {}) };
		},
	});
}

const getAll = (parameters: INodeParameters) =>
	failKakiyo({
		baseUrl: endless.baseUrl,
		apiKey: 'k'.repeat(40),
		parameters: { resource: 'campaign', operation: 'getAll', ...parameters },
	});

const TOO_MANY = `Get Many found more than 20,000 items, the most it outputs for one input item; nothing was output. Turn off Return All and set Limit (at most 20,000) instead.`;

describe('against a server that always has one more page', () => {
	it('Return All fails past 20,000 items, naming the limit and suggesting Limit', async () => {
		endlessCampaigns({});
		const error = await getAll({ returnAll: true });
		expect(error.message).toBe(TOO_MANY);
		expect(endless.calls).toHaveLength(MAX_GET_MANY_ITEMS / 100 + 1);
	});

	it('Return All fails at once when the total Kakiyo reports is over the limit', async () => {
		endlessCampaigns({ total: 1_000_000 });
		const error = await getAll({ returnAll: true });
		expect(error.message).toBe(TOO_MANY);
		expect(endless.calls).toHaveLength(1);
	});

	it('reading stops at 1,000 pages, with an error naming that limit, when pages are tiny', async () => {
		endlessCampaigns({ size: 1 });
		const error = await getAll({ returnAll: false, limit: 5000 });
		expect(error.message).toBe(
			'Get Many read 1,000 pages, the most it reads for one input item, and Kakiyo still had more; nothing was output. Set a lower Limit.',
		);
		expect(endless.calls).toHaveLength(1000);
	}, 30_000);

	it('a Limit above 20,000 fails before any call', async () => {
		endlessCampaigns({});
		const error = await getAll({ returnAll: false, limit: 20_001 });
		expect(error.message).toBe(
			'Limit is 20,001, but Get Many outputs at most 20,000 items for one input item. Set Limit to 20,000 or less.',
		);
		expect(endless.calls).toHaveLength(0);
	});
});

describe('a list Kakiyo answers whole', () => {
	const agents = (count: number) => ({
		agents: Array.from({ length: count }, (_, index): IDataObject => ({ id: `agent-${index}` })),
	});
	const run = (parameters: INodeParameters) => ({
		baseUrl: endless.baseUrl,
		apiKey: 'k'.repeat(40),
		parameters: { resource: 'agent', operation: 'getAll', ...parameters },
	});

	it('Return All fails when it holds more than 20,000 items', async () => {
		endless.answer({ body: agents(MAX_GET_MANY_ITEMS + 1) });
		expect((await failKakiyo(run({ returnAll: true }))).message).toBe(TOO_MANY);
	});

	it('Limit still trims it', async () => {
		endless.answer({ body: agents(MAX_GET_MANY_ITEMS + 1) });
		expect(await runKakiyo(run({ returnAll: false, limit: 3 }))).toHaveLength(3);
	});
});

describe('Do Not Contact at the limit (the emulator, 1,000 a page)', () => {
	const emulator = useEmulator();
	const kakiyo = kakiyoAgainst(() => emulator);

	async function entries(count: number) {
		const kit = new WireKit(emulator);
		for (let start = 0; start < count; start += 1000) {
			const batch = Array.from({ length: Math.min(1000, count - start) }, (_, index) => ({
				url: `in/person-${start + index}`,
			}));
			await kit.call('POST', '/dnc/batch', { entries: batch });
		}
		emulator.clearRequests();
	}

	it('Return All outputs exactly 20,000 entries', async () => {
		await entries(MAX_GET_MANY_ITEMS);
		const output = await kakiyo.run({
			resource: 'doNotContact',
			operation: 'getAll',
			returnAll: true,
		});
		expect(output).toHaveLength(MAX_GET_MANY_ITEMS);
		expect(emulator.requests()).toHaveLength(20);
	}, 30_000);

	it('Return All fails on 20,001 after one page', async () => {
		await entries(MAX_GET_MANY_ITEMS + 1);
		const error = await kakiyo.fail({
			resource: 'doNotContact',
			operation: 'getAll',
			returnAll: true,
		});
		expect(error.message).toBe(TOO_MANY);
		expect(emulator.requests()).toHaveLength(1);
	}, 30_000);
});
