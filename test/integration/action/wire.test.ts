import type { IDataObject } from 'n8n-workflow';
import { useEmulator } from '../../support/emulator';
import { operationsOf } from '../../support/nodeDescription';
import { jsonAndPairing, runKakiyo } from './kakiyoRun';
import { ALL_WIRE_ROWS } from './wire/allRows';
import { titled, WireKit } from './wire/wireRow';

/**
 * What every operation puts on the wire, as the emulator received it (method, path, query, JSON
 * body), with two input items each, and the items it outputs, each paired with its input item. Then
 * the same run with Kakiyo refusing the first call: with Continue On Fail the items it carried (the
 * first, or both when the row batches them) carry Kakiyo's explained error and the others go on.
 */
const rows = ALL_WIRE_ROWS;

let kit: WireKit;

const emulator = useEmulator();
beforeAll(async () => {
	kit = new WireKit(emulator);
});

const received = () =>
	emulator
		.requests()
		.map(({ method, path, query, body }) => [method, path.split('?')[0], query, body]);

describe.each(titled(rows))('%s', (_title, row) => {
	const run = async (items: IDataObject[], continueOnFail = false) =>
		await runKakiyo({
			baseUrl: emulator.baseUrl,
			apiKey: emulator.apiKey,
			parameters: { resource: row.resource, operation: row.operation, ...row.parameters },
			items,
			continueOnFail,
		});

	it('sends the documented call for each item and outputs paired items', async () => {
		const items = await row.items(kit);
		emulator.clearRequests();

		const output = await run(items);

		expect(received()).toEqual(row.calls(items, kit));
		expect(jsonAndPairing(output)).toMatchObject(
			row.output(items, kit).map(([json, item]) => ({ json, pairedItem: { item } })),
		);
		expect(output).toHaveLength(row.output(items, kit).length);
		row.check?.(
			items,
			kit,
			output.map((item) => item.json),
		);
	});

	it("with Continue On Fail, reports Kakiyo's refusal of the first call on its items and carries on with the others", async () => {
		const items = await row.items(kit);
		const [method, path] = row.calls(items, kit)[0];
		emulator.clearRequests();
		emulator.injectFault({
			method,
			path,
			status: 400,
			body: { error: 'validation_error', message: 'Injected refusal' },
		});

		const output = await run(items, true);

		const refused = row.batched ? items.length : 1;
		expect(output.slice(0, refused)).toEqual(
			items.slice(0, refused).map((_item, index) => ({
				json: {
					error: 'Kakiyo refused the request: Injected refusal',
					description: expect.stringContaining(`HTTP 400 validation_error`),
					httpCode: '400',
				},
				pairedItem: { item: index },
			})),
		);
		const rest = output.slice(refused);
		expect(rest.every((item) => (item.pairedItem as { item: number }).item === 1)).toBe(true);
		expect(rest.some((item) => 'error' in item.json)).toBe(false);
		expect(output.length).toBeGreaterThan(1);
	});
});

it('has a row for every operation the node offers', () => {
	const offered = operationsOf().map(({ resource, operation }) => `${resource} ${operation}`);
	const covered = new Set(rows.map((row) => `${row.resource} ${row.operation}`));
	expect([...covered].sort()).toEqual(offered.sort());
});
