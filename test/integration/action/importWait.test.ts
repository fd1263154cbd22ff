import { startEmulator, type RunningEmulator } from '../../emulator';
import { kakiyoAgainst } from './kakiyoRun';

/** Add and Add Many start an import; Wait for Import polls its status and outputs the report. */
let emulator: RunningEmulator;
const kakiyo = kakiyoAgainst(() => emulator);

afterEach(async () => await emulator?.close());

const add = (extra: Record<string, unknown> = {}) => ({
	resource: 'prospect',
	operation: 'create',
	campaignId: '={{ $json.campaignId }}',
	name: 'Ana Diaz',
	url: '={{ $json.url }}',
	waitForImport: true,
	...extra,
});
const campaignOf = () => emulator.state().teams[0].campaigns[0].id;
const importPolls = () =>
	emulator.requests().filter((request) => request.path.startsWith('/v1/prospects/imports/'));

it('outputs the import report once Kakiyo has completed the import, checking at once first', async () => {
	emulator = await startEmulator();
	const campaignId = campaignOf();

	const output = await kakiyo.run(add(), {
		items: [
			{ campaignId, url: 'https://www.linkedin.com/in/anadiaz' },
			{ campaignId, url: 'https://linkedin.com/in/johnsmith' },
		],
	});

	expect(output.map((item) => [item.json.status, item.json.imported, item.json.existing])).toEqual([
		['completed', 1, 0],
		['completed', 0, 1],
	]);
	const [report] = output[0].json.report as Array<Record<string, unknown>>;
	expect(report).toMatchObject({
		status: 'imported',
		chatCreated: true,
		chatId: expect.any(String),
	});
	expect(importPolls()).toHaveLength(2);
});

it('keeps checking, further apart, while the import is processing', async () => {
	emulator = await startEmulator({ importDelayMs: 1500 });

	const started = Date.now();
	const [item] = await kakiyo.run(
		add({ operation: 'createMany', input: 'json', prospects: '={{ $json.prospects }}' }),
		{
			items: [
				{
					campaignId: campaignOf(),
					prospects: [
						{ name: 'Ana Diaz', url: 'in/anadiaz' },
						{ name: 'Not a profile', url: 'https://example.com/ana' },
					],
				},
			],
		},
	);

	expect(item.json).toMatchObject({ status: 'completed', total: 2, imported: 1, invalid: 1 });
	// Checked at once, after 1 s and after 2 s more: done by then.
	expect(importPolls()).toHaveLength(3);
	expect(Date.now() - started).toBeGreaterThanOrEqual(1500);
});

it('fails with the list ID when the import is still running after Max Wait', async () => {
	emulator = await startEmulator({ importDelayMs: 60_000 });

	const error = await kakiyo.fail(add({ maxWaitSeconds: 1 }), {
		items: [{ campaignId: campaignOf(), url: 'in/anadiaz' }],
	});

	const { listId } = emulator.state().teams[0].imports[0];
	expect(error.message).toBe(`Kakiyo's import ${listId} was not complete after 1 s`);
	expect(error.description).toContain(`Get Import Status and list ID ${listId}`);
	expect(importPolls()).toHaveLength(2);
});

it('names the import when Kakiyo cannot find it, as Get Import Status does', async () => {
	emulator = await startEmulator();
	emulator.injectFault({
		path: '/v1/prospects/imports/*',
		status: 404,
		body: { error: 'not_found', message: 'Import not found' },
	});

	const error = await kakiyo.fail(add(), {
		items: [{ campaignId: campaignOf(), url: 'in/anadiaz' }],
	});

	const { listId } = emulator.state().teams[0].imports[0];
	expect(error.message).toBe(`Kakiyo could not find import "${listId}": Import not found`);
	expect(importPolls().map(({ method, status }) => [method, status])).toEqual([['GET', 404]]);
});

it('outputs the list ID at once without Wait for Import', async () => {
	emulator = await startEmulator({ importDelayMs: 60_000 });

	const [item] = await kakiyo.run(add({ waitForImport: false }), {
		items: [{ campaignId: campaignOf(), url: 'in/anadiaz' }],
	});

	expect(item.json).toEqual({
		message: 'Prospect import started',
		listId: expect.any(String),
		campaignId: campaignOf(),
		total: 1,
	});
	expect(importPolls()).toHaveLength(0);
});

describe("an error quoting Kakiyo's answer keeps the key and secrets out, and stays short", () => {
	const key = 'exampleImportWaitKey0123456789abcdefghij';
	const echo = { message: `key ${key}`, secret: 'example-echoed-secret', note: 'x'.repeat(5000) };

	it.each([
		['the answer that started the import names no list ID', '/v1/prospects', echo],
		['the import failed', '/v1/prospects/imports/*', { ...echo, status: 'failed' }],
	])('when %s, with and without Continue On Fail', async (_case, path, body) => {
		emulator = await startEmulator({ apiKeys: [key] });
		const run = { apiKey: `${key} `, items: [{ campaignId: campaignOf(), url: 'in/anadiaz' }] };
		const words = (text: string) => [key, 'example-echoed-secret'].filter((w) => text.includes(w));

		emulator.injectFault({ path, status: 200, body });
		const error = await kakiyo.fail(add(), run);
		emulator.injectFault({ path, status: 200, body });
		const [item] = await kakiyo.run(add(), { ...run, continueOnFail: true });

		expect(error.description).toMatch(/^Kakiyo (answered|reported):? \{/);
		expect(words(`${error.message} ${String(error.description)}`)).toEqual([]);
		expect(String(error.description).length).toBeLessThan(500);
		expect(item.json.description).toBe(error.description);
		expect(words(JSON.stringify(item.json))).toEqual([]);
	});
});
