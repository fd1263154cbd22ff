import type { IDataObject } from 'n8n-workflow';
import { KakiyoTrigger } from '../../../nodes/KakiyoTrigger/KakiyoTrigger.node';
import { waitFor } from '../../support/waitFor';
import { examplePayload } from '../../emulator';
import { FAST_RETRY } from '../../support/fastRetry';
import type { TestWorkflow } from '../../support/n8nRuntime';
import { kakiyoDigest, kakiyoSignature } from '../../support/signature';
import {
	activate,
	kakiyo,
	post,
	startRig,
	triggerWorkflow,
	useRig,
	webhookUrlOf,
	type TriggerSetup,
} from './rig';

/**
 * Issue 16, finding 3: a delivery someone captured (from an execution, a log, a transcript) must not
 * start the workflow again. The signature never reaches the output, and with the default settings
 * a repeat is refused: within Max Event Age by this process's memory of accepted deliveries, after it
 * (in any process) by the payload's timestamp. Kakiyo's retries and Send Test events still run.
 */

const rig = useRig();

const T = Date.parse('2026-03-02T09:00:00.000Z');

async function listening(setup: TriggerSetup = {}): Promise<TestWorkflow> {
	const workflow = triggerWorkflow(rig, setup);
	await activate(workflow);
	rig.receiver.serve(workflow);
	return workflow;
}

/** A trigger node type whose clock reads `clock.now`: one per n8n process. */
function processAt(clock: { now: number }): KakiyoTrigger {
	return new KakiyoTrigger({ retry: FAST_RETRY, now: () => clock.now });
}

const secretOf = (workflow: TestWorkflow) => workflow.nodeStaticData().webhookSecret as string;
const executions = () => rig.receiver.executions();
const answers = () => rig.receiver.calls.map((call) => [call.status, call.body]);

const payloadAt = (timestamp: number | string): IDataObject => ({
	event: 'linkedin.message.received',
	teamId: 'team_1',
	timestamp: typeof timestamp === 'number' ? new Date(timestamp).toISOString() : timestamp,
	data: { chatId: 'chat_1', message: 'Hi there' },
});

/** Sends exactly these bytes, signed with the workflow's secret, as Kakiyo (or a replayer) would. */
function sendSigned(workflow: TestWorkflow, body: string, url = webhookUrlOf(workflow)) {
	return post(url, body, { 'x-kakiyo-signature': kakiyoSignature(secretOf(workflow), body) });
}

const RECEIVED = [200, '{"status":"received"}'];
const ignored = (reason: string) => [200, JSON.stringify({ status: 'ignored', reason })];

describe('Include Headers', () => {
	it('outputs the request headers without the signature', async () => {
		const workflow = await listening({ options: { includeHeaders: true } });
		await rig.emulator.emit('linkedin.message.received');

		const [attempt] = rig.emulator.deliveries();
		const [[[item]]] = executions();
		const headers = item.json.headers as IDataObject;
		expect(headers).toMatchObject({
			'content-type': 'application/json',
			'user-agent': 'Kakiyo-Webhooks/1.0',
		});
		expect(Object.keys(headers)).not.toContain('x-kakiyo-signature');
		const digest = kakiyoDigest(secretOf(workflow), attempt.body);
		expect(JSON.stringify(item.json)).not.toContain(digest);
	});
});

describe('with the default settings', () => {
	it('a captured delivery sent again three times starts nothing more', async () => {
		const clock = { now: T };
		const workflow = await listening({ nodeType: processAt(clock) });
		const body = JSON.stringify(payloadAt(T));

		for (let attempt = 0; attempt < 4; attempt++) {
			await sendSigned(workflow, body);
			clock.now += 30_000;
		}

		expect(executions()).toHaveLength(1);
		expect(answers()).toEqual([RECEIVED, ...Array(3).fill(ignored('duplicate'))]);
	});

	it('a delivery replayed minutes later is refused by its timestamp, also by a process that never saw it', async () => {
		const clock = { now: T };
		const workflow = await listening({ nodeType: processAt(clock) });
		const body = JSON.stringify(payloadAt(T));
		await sendSigned(workflow, body);

		// Another n8n process (a restart, a second webhook process) with the same static data.
		const later = { now: T + 6 * 60_000 };
		rig.receiver.serve(
			triggerWorkflow(rig, {
				nodeType: processAt(later),
				staticData: workflow.workflow.staticData,
			}),
		);
		await sendSigned(workflow, body);

		expect(executions()).toHaveLength(1);
		expect(answers()).toEqual([RECEIVED, ignored('timestamp_stale')]);
	});

	it.each([1, 2])('guards a workflow saved with trigger version %s too', async (typeVersion) => {
		const clock = { now: T + 6 * 60_000 };
		const workflow = await listening({ nodeType: processAt(clock), typeVersion });
		expect(workflow.nodeStaticData().webhookOptions).toEqual({
			includeHeaders: false,
			maxAgeSeconds: 300,
		});

		await sendSigned(workflow, JSON.stringify(payloadAt(T)));
		expect(answers()).toEqual([ignored('timestamp_stale')]);
	});

	it('stores the default on the next activation of one stored with the guard off (n8n activates on every start)', async () => {
		const staticData = {};
		const workflow = await listening({ staticData });
		workflow.nodeStaticData().webhookOptions = { includeHeaders: false, maxAgeSeconds: 0 };

		await activate(triggerWorkflow(rig, { staticData }));
		expect(workflow.nodeStaticData().webhookOptions).toEqual({
			includeHeaders: false,
			maxAgeSeconds: 300,
		});
	});
});

describe("Kakiyo's retries still run", () => {
	it('an attempt that was not accepted is not remembered, and the last retry (about 40 s on) is inside the window', async () => {
		const clock = { now: T };
		const workflow = await listening({ nodeType: processAt(clock) });
		const body = JSON.stringify(payloadAt(T));

		// The first attempt reaches a trigger that cannot judge it yet (its events are being stored).
		const events = workflow.nodeStaticData().webhookEvents;
		delete workflow.nodeStaticData().webhookEvents;
		await sendSigned(workflow, body);
		workflow.nodeStaticData().webhookEvents = events;

		// Retries 1 s, 2 s and 4 s apart, each attempt allowed 10 s: the last starts by 37 s. The same
		// bytes each time: Kakiyo signs a delivery once.
		clock.now = T + 37_000;
		await sendSigned(workflow, body);
		// Its answer lost on the way back, Kakiyo would send it once more: the workflow ran already.
		clock.now = T + 48_000;
		await sendSigned(workflow, body);

		expect(answers().map(([status]) => status)).toEqual([401, 200, 200]);
		expect(answers().slice(1)).toEqual([RECEIVED, ignored('duplicate')]);
		expect(executions()).toHaveLength(1);
	});

	it('through the emulator: an attempt refused with 401 is retried with the same bytes and runs once', async () => {
		// Retries far enough apart to restore the trigger in between.
		const slow = await startRig({ retryDelaysMs: [200, 200, 200] });
		try {
			const workflow = triggerWorkflow(slow);
			await activate(workflow);
			slow.receiver.serve(workflow);
			const events = workflow.nodeStaticData().webhookEvents;
			delete workflow.nodeStaticData().webhookEvents;
			const sending = slow.emulator.emit('linkedin.message.received');
			await waitFor(async () => (slow.receiver.calls.length > 0 ? true : undefined), {
				what: 'the first attempt',
				intervalMs: 5,
				timeoutMs: 5_000,
			});
			workflow.nodeStaticData().webhookEvents = events;
			const result = await sending;

			expect(result.deliveries[0]).toMatchObject({ delivered: true, status: 200 });
			const attempts = slow.emulator.deliveries();
			expect(attempts[0].status).toBe(401);
			expect(new Set(attempts.map((attempt) => attempt.body)).size).toBe(1);
			expect(slow.receiver.executions()).toHaveLength(1);
		} finally {
			await slow.close();
		}
	});
});

describe('Send Test events', () => {
	it("run on the production URL: Kakiyo's test sends carry the time they are sent", async () => {
		await listening();
		for (let send = 0; send < 2; send++) {
			await kakiyo(rig, 'POST', '/webhooks/test', { event: 'linkedin.message.received' });
			await rig.emulator.idle();
		}
		expect(executions()).toHaveLength(2);
	});

	it("with a fixed, old example timestamp, run on the editor's test URL and are ignored on the production one", async () => {
		const example = JSON.stringify(examplePayload('linkedin.message.received'));
		const test = triggerWorkflow(rig);
		await activate(test, 'manual');
		rig.receiver.serve(test);
		rig.receiver.mode = 'manual';
		try {
			await sendSigned(test, example);
		} finally {
			rig.receiver.mode = 'webhook';
		}
		expect(executions()).toHaveLength(1);

		const production = await listening({ webhookId: 'e0000000-0000-4000-8000-00000000000e' });
		await sendSigned(production, example);
		expect(answers()).toEqual([RECEIVED, ignored('timestamp_stale')]);
	});
});

describe('Max Event Age beyond a day', () => {
	it('fails activation, whatever an expression or an agent gives (n8n checks maxValue in the editor only)', async () => {
		const workflow = triggerWorkflow(rig, { options: { maxAgeSeconds: '={{ 1e8 }}' } });
		const error = (await activate(workflow).catch((caught: unknown) => caught)) as Error;
		expect(error.message).toBe('Max Event Age must be a number of seconds from 0 to 86400');
		expect(rig.emulator.webhooks()).toEqual([]);
	});
});

describe('Max Event Age 0', () => {
	it('turns the guard off: an old delivery runs, and so does a repeat', async () => {
		const workflow = await listening({ options: { maxAgeSeconds: 0 } });
		const body = JSON.stringify(payloadAt(T - 24 * 3_600_000));
		await sendSigned(workflow, body);
		await sendSigned(workflow, body);
		expect(executions()).toHaveLength(2);
	});
});
