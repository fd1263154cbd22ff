import { useEmulator } from '../../support/emulator';
import { operationsOf } from '../../support/nodeDescription';
import { runKakiyo } from './kakiyoRun';
import { ALL_WIRE_ROWS } from './wire/allRows';
import { titled, WireKit } from './wire/wireRow';

/**
 * Every Delete outputs the same confirmation, `{id, deleted: true}` and nothing else, whatever Kakiyo
 * answered (a message, a deletion summary, an empty body): the wire rows' set-ups are reused, and
 * their outputs compared exactly rather than matched. Delete by LinkedIn URL: doNotContact.test.ts.
 */
const deleteRows = ALL_WIRE_ROWS.filter((row) => row.operation === 'delete');

const emulator = useEmulator();
let kit: WireKit;
beforeAll(() => {
	kit = new WireKit(emulator);
});

it('covers every Delete the node offers', () => {
	const deletes = operationsOf()
		.filter(({ operation }) => operation === 'delete')
		.map(({ resource }) => resource);
	expect(deleteRows.map((row) => row.resource).sort()).toEqual(deletes.sort());
	expect(deletes).toHaveLength(6);
});

it.each(titled(deleteRows))('%s outputs only {id, deleted: true} per item', async (_title, row) => {
	const items = await row.items(kit);

	const output = await runKakiyo({
		baseUrl: emulator.baseUrl,
		apiKey: emulator.apiKey,
		parameters: { resource: row.resource, operation: row.operation, ...row.parameters },
		items,
	});

	const expected = row.output(items, kit).map(([json]) => json);
	expect(expected.every((json) => typeof json.id === 'string' && json.id)).toBe(true);
	expect(output.map((item) => item.json)).toEqual(
		expected.map(({ id }) => ({ id, deleted: true })),
	);
});
