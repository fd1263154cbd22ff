import type { IDataObject } from 'n8n-workflow';
import { KakiyoTrigger } from '../../../nodes/KakiyoTrigger/KakiyoTrigger.node';
import { FAST_RETRY } from '../../support/fastRetry';
import type { TestWorkflow } from '../../support/n8nRuntime';
import { kakiyoSignature } from '../../support/signature';
import { activate, post, triggerWorkflow, useRig, webhookUrlOf, type TriggerSetup } from './rig';

/**
 * Issue 16, finding 4: deliveries the replay guard ignores are logged within the bound signature
 * failures have: the first at once, then at most one line a minute per workflow, with the count.
 */

const rig = useRig();

const T = Date.parse('2026-03-02T09:00:00.000Z');

async function listeningAt(clock: { now: number }, setup: TriggerSetup = {}) {
	const nodeType = new KakiyoTrigger({ retry: FAST_RETRY, now: () => clock.now });
	const workflow = triggerWorkflow(rig, { nodeType, ...setup });
	await activate(workflow);
	rig.receiver.serve(workflow);
	return workflow;
}

const payloadAt = (timestamp: number): string =>
	JSON.stringify({
		event: 'linkedin.message.received',
		timestamp: new Date(timestamp).toISOString(),
		data: { chatId: 'chat_1', message: 'Hi there' },
	});

async function sendTimes(workflow: TestWorkflow, body: string, times: number, secret?: string) {
	const signature = kakiyoSignature(
		secret ?? (workflow.nodeStaticData().webhookSecret as string),
		body,
	);
	for (let sent = 0; sent < times; sent++) {
		await post(webhookUrlOf(workflow), body, { 'x-kakiyo-signature': signature });
	}
}

/** Every line the deliveries wrote, whatever its level (activation's own lines left out). */
const deliveryLines = (workflow: TestWorkflow) =>
	workflow.logs.filter(
		(line) => /deliver/i.test(line.message) && !/webhook \w+ /.test(line.message),
	);

describe('replay refusals are logged within a bound', () => {
	it('200 replays of a stale delivery write one line, then one a minute with the count', async () => {
		const clock = { now: T };
		const workflow = await listeningAt(clock, { options: { maxAgeSeconds: 300 } });

		await sendTimes(workflow, payloadAt(T - 10 * 60_000), 200);
		expect(rig.receiver.executions()).toHaveLength(0);
		expect(deliveryLines(workflow)).toEqual([
			{
				level: 'warn',
				message: expect.stringMatching(
					/^Kakiyo Trigger ignored a delivery whose timestamp is older than its Max Event Age\. .* Further refusals are counted and reported at most once a minute\.$/,
				),
				meta: { workflowId: 'wf-test-1', refused: 1, reasons: { timestamp_stale: 1 } },
			},
		]);

		clock.now += 61_000;
		await sendTimes(workflow, payloadAt(T - 10 * 60_000), 1);
		const lines = deliveryLines(workflow);
		expect(lines).toHaveLength(2);
		expect(lines[1].message).toMatch(
			/^Kakiyo Trigger ignored 200 deliveries in the last 61 s \(timestamp_stale: 200\)\./,
		);
		expect(lines[1].meta).toMatchObject({ refused: 200, reasons: { timestamp_stale: 200 } });
	});

	it('200 repeats of an accepted delivery write one line', async () => {
		const clock = { now: T };
		const workflow = await listeningAt(clock);

		await sendTimes(workflow, payloadAt(T), 201);
		expect(rig.receiver.executions()).toHaveLength(1);
		expect(deliveryLines(workflow)).toEqual([
			expect.objectContaining({
				level: 'warn',
				message: expect.stringMatching(
					/^Kakiyo Trigger ignored a delivery it had already accepted\./,
				),
				meta: expect.objectContaining({ reasons: { duplicate: 1 } }),
			}),
		]);
	});

	it('counts replays apart from forged deliveries, so a flood of one hides nothing of the other', async () => {
		const clock = { now: T };
		const workflow = await listeningAt(clock);

		await sendTimes(workflow, payloadAt(T), 50, 'forged');
		await sendTimes(workflow, payloadAt(T - 10 * 60_000), 50);
		expect(deliveryLines(workflow).map((line) => (line.meta as IDataObject).reasons)).toEqual([
			{ mismatch: 1 },
			{ timestamp_stale: 1 },
		]);
	});

	it('bounds the refusals of a Max Event Age read per delivery that is no number', async () => {
		const clock = { now: T };
		const workflow = await listeningAt(clock, { options: { maxAgeSeconds: 300 } });
		// Activated by an earlier version, which stored no options: they are read per delivery.
		delete workflow.nodeStaticData().webhookOptions;
		(workflow.node.parameters.options as IDataObject).maxAgeSeconds = '={{ "five minutes" }}';

		await sendTimes(workflow, payloadAt(T), 20);
		expect(deliveryLines(workflow)).toEqual([
			expect.objectContaining({
				level: 'warn',
				meta: expect.objectContaining({ reasons: { misconfigured: 1 } }),
			}),
		]);
	});
});
