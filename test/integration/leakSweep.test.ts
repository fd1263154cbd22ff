import type { IDataObject } from 'n8n-workflow';
import type { FaultSpec } from '../emulator';
import { useEmulator } from '../support/emulator';
import { scriptedServerForThisFile } from '../support/scriptedServer';
import type { LogLine } from '../support/n8nRuntime';
import { kakiyoSignature } from '../support/signature';
import { runKakiyo } from './action/kakiyoRun';
import { ALL_WIRE_ROWS } from './action/wire/allRows';
import { titled, WireKit } from './action/wire/wireRow';
import { activate, hooks, post, triggerWorkflow, useRig } from './trigger/rig';

/**
 * The leak sweep of issue 11: every operation of the action node, and the trigger's lifecycle and
 * deliveries, under every failure mode, with a recognisable API key (saved with a trailing space, as
 * users paste it) and recognisable secrets that Kakiyo echoes back in every way it could. Neither may
 * appear in an output item, an error (message, description, cause, stack, JSON form) or a log line.
 * Redirects to another origin (issue 16) must also reach nothing there: no request at all.
 */
const KEY = 'exampleLeakSweepKey0123456789abcdefghijk';
const SECRET = 'example-leak-sweep-secret-0123';
const PASSWORD = 'example-leak-sweep-password-01';

/** Everything an error carries, own properties and causes included, as text (cycles cut). */
function everything(value: unknown): string {
	const seen = new WeakSet<object>();
	return JSON.stringify(value, function (this: unknown, _key, entry: unknown) {
		if (entry && typeof entry === 'object') {
			if (seen.has(entry)) return undefined;
			seen.add(entry);
			if (entry instanceof Error) {
				return Object.fromEntries(
					Object.getOwnPropertyNames(entry).map((name) => [
						name,
						(entry as unknown as IDataObject)[name],
					]),
				);
			}
		}
		return entry;
	});
}

function leaks(text: string): string[] {
	return [KEY, SECRET, PASSWORD].filter((secret) => text.includes(secret));
}

/** An answer naming every secret in every place Kakiyo could put one. */
const echoObject = (said: string) => ({
	id: 'echo',
	message: said,
	secret: SECRET,
	password: PASSWORD,
	nested: { signingSecret: SECRET, note: said, list: [said, { linkedinPassword: PASSWORD }] },
});

/** Another origin (another loopback port), where redirects point; it records whatever reaches it. */
const elsewhere = scriptedServerForThisFile();
beforeEach(() => {
	elsewhere.calls.length = 0;
});
afterEach(() => {
	expect(elsewhere.calls).toEqual([]);
});

const redirectElsewhere = (status: number) => ({
	status,
	count: 10,
	headers: { Location: `${elsewhere.baseUrl}/v1/stolen` },
	body: {},
});

interface Mode {
	name: string;
	fault: (said: string) => Omit<FaultSpec, 'path' | 'method'>;
	/** The run must fail: no operation may take this answer for a success. */
	fails?: boolean;
}

const MODES: Mode[] = [
	{
		name: 'a 400 quoting them',
		fault: (said) => ({ status: 400, body: { error: 'validation_error', message: said } }),
		fails: true,
	},
	{
		name: 'a 401 quoting the key',
		fault: (said) => ({ status: 401, body: { error: 'invalid_api_key', message: said } }),
		fails: true,
	},
	{
		name: 'an HTML 500 page quoting them, every retry',
		fault: (said) => ({ status: 500, count: 10, body: `<html><pre>${said}</pre></html>` }),
		fails: true,
	},
	{
		name: 'a 200 answer holding them in fields',
		fault: (said) => {
			const echo = echoObject(said);
			const lists = ['agents', 'campaigns', 'prospects', 'products', 'prompts', 'models'];
			return {
				status: 200,
				body: {
					...echo,
					...Object.fromEntries(
						[...lists, 'workspaces', 'webhooks', 'events'].map((l) => [l, [echo]]),
					),
					data: { ...echo, entries: [echo], entry: echo },
					webhook: echo,
				},
			};
		},
	},
	{ name: 'a dropped connection', fault: () => ({ drop: true, count: 10 }), fails: true },
	{ name: 'a 302 to another origin', fault: () => redirectElsewhere(302), fails: true },
	{ name: 'a 307 to another origin', fault: () => redirectElsewhere(307), fails: true },
	{ name: 'an HTML page with 200', fault: () => ({ malformed: true }), fails: true },
];

describe('the action node', () => {
	const rows = ALL_WIRE_ROWS;
	const emulator = useEmulator({ apiKeys: [KEY] });
	let kit: WireKit;
	const counts = { runs: 0, outputs: 0, errors: 0, logLines: 0 };

	beforeAll(() => {
		kit = new WireKit(emulator);
	});
	afterAll(() => {
		// eslint-disable-next-line no-console
		console.log(`leak sweep, action node: ${JSON.stringify(counts)}`);
	});

	describe.each(titled(rows))('%s', (_title, row) => {
		// The secrets this operation sends; Kakiyo can only echo what it was given.
		const sends = JSON.stringify(row.parameters);
		const parameters = JSON.parse(
			sends.replace('example-Linked1n-pass', PASSWORD).replace('typed-signing-secret', SECRET),
		) as IDataObject;
		const said =
			[`key ${KEY}`, `key ${KEY.slice(0, 30)}`].join(', ') +
			(sends.includes('example-Linked1n-pass') ? ` password ${PASSWORD}` : '') +
			(sends.includes('typed-signing-secret') ? ` secret ${SECRET}` : '');

		it.each<Partial<Mode>>([{ name: 'a success' }, ...MODES])('with $name', async (mode) => {
			const items = (await row.items(kit)).map((item) =>
				JSON.parse(JSON.stringify(item).replace('typed-signing-secret', SECRET)),
			);
			const [method, path] = row.calls(items, kit)[0];
			if (mode.fault) emulator.injectFault({ method, path, ...mode.fault(said) });
			const logs: LogLine[] = [];

			let text = '';
			let failed = false;
			try {
				const output = await runKakiyo({
					baseUrl: emulator.baseUrl,
					apiKey: `${KEY} `,
					parameters: { resource: row.resource, operation: row.operation, ...parameters },
					items,
					logs,
				});
				text = everything(output);
				counts.outputs += output.length;
			} catch (error) {
				text = everything(error) + String(error) + (error as Error).stack;
				failed = true;
				counts.errors++;
			}
			counts.runs++;
			counts.logLines += logs.length;
			expect(leaks(text)).toEqual([]);
			expect(leaks(everything(logs))).toEqual([]);
			if (mode.fails) expect(failed).toBe(true);
		});
	});
});

describe('the trigger', () => {
	const rig = useRig({ apiKeys: [KEY] });

	it.each(MODES)(
		'keeps the key out of errors and logs on activation and deactivation with $name',
		async (mode) => {
			const workflow = triggerWorkflow(rig, { baseUrl: rig.emulator.baseUrl });
			// The key as users paste it, with a trailing space.
			Object.assign(workflow.setup.credentials, { apiKey: `${KEY} ` });
			rig.emulator.injectFault({ path: '/v1/webhooks*', ...mode.fault(`key ${KEY}`) });

			const errors: string[] = [];
			for (const step of [() => activate(workflow), () => hooks(workflow).delete()]) {
				try {
					await step();
				} catch (error) {
					errors.push(everything(error) + String(error) + (error as Error).stack);
				}
			}

			expect(leaks(errors.join('\n'))).toEqual([]);
			expect(leaks(everything(workflow.logs))).toEqual([]);
		},
	);

	it("keeps the key and the webhook's secret out of the logs of genuine and forged deliveries", async () => {
		const workflow = triggerWorkflow(rig);
		Object.assign(workflow.setup.credentials, { apiKey: `${KEY} ` });
		await activate(workflow);
		const { webhookSecret } = workflow.nodeStaticData() as { webhookSecret: string };
		const url = `${rig.receiver.baseUrl}/${workflow.node.webhookId}/webhook`;
		rig.receiver.serve(workflow);

		const body = JSON.stringify({ event: 'linkedin.message.received', note: 'hello' });
		const statuses = [
			(await post(url, body, { 'x-kakiyo-signature': kakiyoSignature(webhookSecret, body) }))
				.status,
			(await post(url, body, { 'x-kakiyo-signature': kakiyoSignature('wrong', body) })).status,
			(await post(url, body)).status,
		];

		expect(statuses).toEqual([200, 401, 401]);
		const logs = everything(workflow.logs);
		expect(leaks(logs)).toEqual([]);
		expect(logs).not.toContain(webhookSecret);
	});
});
