import type { IDataObject } from 'n8n-workflow';
import { RESOURCES } from '../../../nodes/Kakiyo/Kakiyo.node';
import { useEmulator } from '../../support/emulator';
import { runKakiyo } from './kakiyoRun';
import { ALL_WIRE_ROWS } from './wire/allRows';
import { titled, WireKit, type WireRow } from './wire/wireRow';

/**
 * Simplify, against the emulator through n8n-core's real execute context: on by default, each item
 * keeps only the declared fields, at the paths and with the values they have in the raw answer, so
 * an expression works either way; off, the raw answer (with the messages, the report…) comes out.
 * The wire rows' set-ups are reused.
 */
const simplifying = RESOURCES.flatMap((resource) =>
	resource.operations
		.filter((operation) => operation.simplify)
		.map((operation) => ({ resource: resource.value, operation })),
);
const rows = ALL_WIRE_ROWS.filter((row) =>
	simplifying.some((s) => s.resource === row.resource && s.operation.value === row.operation),
);
const declared = (row: WireRow) =>
	simplifying.find((s) => s.resource === row.resource && s.operation.value === row.operation)!
		.operation.simplify!;

/** Every leaf of an item as a dotted path (an array is a leaf). */
function leafPaths(json: IDataObject, prefix = ''): string[] {
	return Object.entries(json).flatMap(([key, value]) =>
		value && typeof value === 'object' && !Array.isArray(value)
			? leafPaths(value as IDataObject, `${prefix}${key}.`)
			: [`${prefix}${key}`],
	);
}

const at = (json: IDataObject, path: string) =>
	path.split('.').reduce<unknown>((value, key) => (value as IDataObject | undefined)?.[key], json);

const emulator = useEmulator();
let kit: WireKit;
beforeAll(() => {
	kit = new WireKit(emulator);
});

it('is offered by the large answers: a conversation, an agent, campaign analytics, an import', () => {
	expect(simplifying.map(({ resource, operation }) => `${resource} ${operation.value}`)).toEqual([
		'agent get',
		'agent getAll',
		'analytics getCampaign',
		'prospect get',
		'prospect getImport',
	]);
	expect(rows).toHaveLength(simplifying.length);
});

describe.each(titled(rows))('%s', (_title, row) => {
	const run = async (items: IDataObject[], simplify?: boolean) =>
		(
			await runKakiyo({
				baseUrl: emulator.baseUrl,
				apiKey: emulator.apiKey,
				parameters: {
					resource: row.resource,
					operation: row.operation,
					...row.parameters,
					...(simplify === undefined ? {} : { simplify }),
				},
				items,
			})
		).map((item) => item.json);

	it('by default keeps only the declared fields, as the raw answer has them', async () => {
		const items = await row.items(kit);
		const raw = await run(items, false);
		const simple = await run(items);

		expect(simple).toHaveLength(raw.length);
		simple.forEach((item, index) => {
			const paths = leafPaths(item);
			expect(paths.length).toBeGreaterThan(0);
			expect(paths.length).toBeLessThanOrEqual(10);
			expect(declared(row)).toEqual(expect.arrayContaining(paths));
			for (const path of declared(row)) expect(at(item, path)).toEqual(at(raw[index], path));
			// What Simplify is for: the raw answer is larger than any simplified item may be.
			expect(leafPaths(raw[index]).length).toBeGreaterThan(10);
		});
	});
});

it("drops a conversation's messages and profile text, which Simplify off outputs", async () => {
	const chatId = kit.team().prospects[0].chat.id;
	const parameters = { resource: 'prospect', operation: 'get', chatId };
	const run = async (extra: IDataObject = {}) =>
		(
			await runKakiyo({
				baseUrl: emulator.baseUrl,
				apiKey: emulator.apiKey,
				parameters: { ...parameters, ...extra },
			})
		)[0].json;

	const simple = await run();
	const raw = await run({ simplify: false });

	expect(Object.keys(simple).sort()).toEqual([
		'campaign',
		'id',
		'lastMessage',
		'paused',
		'prospect',
		'qualification',
	]);
	expect(Object.keys(simple.prospect as IDataObject).sort()).toEqual([
		'headline',
		'id',
		'name',
		'url',
	]);
	expect((raw.messages as unknown[]).length).toBeGreaterThan(0);
	expect(raw.prospect).toMatchObject({ about: expect.any(String) });
});
