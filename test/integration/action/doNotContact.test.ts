import { useEmulator } from '../../support/emulator';
import { kakiyoAgainst } from './kakiyoRun';
import { WireKit } from './wire/wireRow';

/**
 * Do Not Contact > Delete by LinkedIn URL: Kakiyo deletes by entry ID only, so the node checks the URL
 * first and deletes the entry the check names (two calls), and removes nothing when the URL is not
 * on the list.
 */
const emulator = useEmulator();
const kakiyo = kakiyoAgainst(() => emulator);
let kit: WireKit;

beforeAll(() => {
	kit = new WireKit(emulator);
});

const deleteByUrl = (url: string) => ({
	resource: 'doNotContact',
	operation: 'delete',
	entryId: { __rl: true, mode: 'url', value: url },
});

it('checks the URL, deletes the entry it names, and says so when the URL is no longer listed', async () => {
	await kit.call('POST', '/dnc', { url: 'https://www.linkedin.com/in/anadiaz' });
	await kit.call('POST', '/dnc', { url: 'in/bochen' });
	const [ana, bo] = kit.team().dnc;
	const typed = 'linkedin.com/in/AnaDiaz/';
	emulator.clearRequests();

	const output = await kakiyo.run(deleteByUrl(typed));

	expect(output.map((item) => item.json)).toEqual([{ id: ana.$id, deleted: true }]);
	expect(emulator.requests().map(({ method, path, query }) => [method, path, query])).toEqual([
		['GET', `/v1/dnc/check?url=${encodeURIComponent(typed)}`, { url: typed }],
		['DELETE', `/v1/dnc/${ana.$id}`, {}],
	]);
	expect(kit.team().dnc).toEqual([bo]);

	emulator.clearRequests();
	const error = await kakiyo.fail(deleteByUrl(typed));

	expect(error.message).toBe(`${typed} is not on the Do Not Contact list`);
	expect(error.description).toBe(
		'Nothing was removed. Check the URL, or list the entries with Get Many.',
	);
	expect(emulator.requests().map(({ method, path }) => [method, path.split('?')[0]])).toEqual([
		['GET', '/v1/dnc/check'],
	]);
	expect(kit.team().dnc).toEqual([bo]);
});
