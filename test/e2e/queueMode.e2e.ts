import { exampleFixture } from '../harness/exampleWorkflows';
import { lineLabel, selectedLines } from '../harness/n8nLines';
import { startStack, type Stack } from '../harness/stack';
import {
	deactivateIfActive,
	hooksFor,
	onlyHook,
	payloadOf,
	postDelivery,
	triggerOutput,
	waitForExecutions,
	withTrigger,
	type ActiveTrigger,
} from '../harness/triggerProbe';
import { kakiyoSignature } from '../support/signature';
import { waitFor } from '../support/waitFor';
import { runActionWorkflow } from './actionProbe';
import { placementOf } from './queueProbe';
import { packedPackage, progress } from './suiteSetup';

/**
 * The package in n8n's queue mode (`npm run test:e2e:queue`): a main process that registers
 * triggers, one `n8n webhook` process that receives deliveries and two `n8n worker`s that run the
 * executions, over a private Postgres and Redis. Deliveries go to the webhook process, as a load
 * balancer would send them. `KAKIYO_E2E_LINES=2` runs one n8n line only.
 */
const lines = selectedLines();
const packed = packedPackage('kakiyo-e2e-queue-');

describe.each(lines)('Kakiyo package in queue mode on $n8nVersion', (line) => {
	let stack: Stack;
	const label = lineLabel(line);

	beforeAll(async () => {
		stack = await startStack({
			line,
			...packed,
			progress,
			queue: { webhookProcesses: 1, workers: 2 },
		});
	}, 40 * 60_000);

	afterAll(async () => await stack?.close(), 120_000);

	/** A delivery of `event` through the emulator, which signs it and posts it to the hook's URL. */
	const deliver = async (event: string) => {
		const payload = payloadOf(event, { message: `queue mode on ${label}` });
		const result = await stack.emulator!.emit(event, payload);
		return { payload, statuses: result.deliveries.map((delivery) => delivery.status) };
	};

	/** The one execution `trigger` should have by now, which must have run on exactly one worker. */
	const expectOneRunOnAWorker = async (trigger: ActiveTrigger, payload: object, count = 1) => {
		const executions = await waitForExecutions(stack, trigger, count);
		const [latest] = executions.sort((a, b) => Number(b.id) - Number(a.id));
		expect(latest.status).toBe('success');
		expect(await triggerOutput(stack, latest)).toEqual([payload]);
		const placement = await placementOf(stack, latest.id);
		expect(placement.workers).toHaveLength(1);
		expect(placement.enqueuedBy).toEqual([stack.queue!.webhooks[0].name]);
		progress(`[${label}] execution ${latest.id} ran on ${placement.workers[0]}`);
	};

	describe('1. activation', () => {
		it("registers exactly one hook, at the webhook process's URL", async () => {
			await withTrigger(stack, ['linkedin.message.received'], async (trigger) => {
				const hook = onlyHook(stack, trigger);
				expect(hook.url.startsWith(`${stack.queue!.webhooks[0].url}/webhook/`)).toBe(true);
				expect(hook.url.startsWith(stack.n8n.url)).toBe(false);
				expect(hook.secret).toEqual(expect.any(String));
				expect(stack.emulator!.webhooks()).toHaveLength(1);
			});
		});
	});

	describe('2. deliveries', () => {
		it('a signed delivery to the webhook process runs exactly once, on one worker, with the payload intact', async () => {
			await withTrigger(stack, ['linkedin.message.received'], async (trigger) => {
				const { payload, statuses } = await deliver('linkedin.message.received');
				expect(statuses).toEqual([200]);
				await expectOneRunOnAWorker(trigger, payload);
			});
		});

		it('a forged delivery gets 401 and starts no execution', async () => {
			await withTrigger(stack, ['linkedin.message.received'], async (trigger) => {
				const body = JSON.stringify(payloadOf('linkedin.message.received'));
				expect(await postDelivery(trigger, body, kakiyoSignature('not-the-secret', body))).toBe(
					401,
				);
				expect(await postDelivery(trigger, body)).toBe(401);
				// A good delivery last: once its execution is in, one of the forged ones would be too.
				const { payload, statuses } = await deliver('linkedin.message.received');
				expect(statuses).toEqual([200]);
				await expectOneRunOnAWorker(trigger, payload);
			});
		});

		it('an event that was not chosen is answered 2xx and starts nothing', async () => {
			await withTrigger(stack, ['linkedin.message.received'], async (trigger) => {
				const unchosen = JSON.stringify(payloadOf('campaign.completed'));
				const status = await postDelivery(
					trigger,
					unchosen,
					kakiyoSignature(onlyHook(stack, trigger).secret!, unchosen),
				);
				expect(status).toBeGreaterThanOrEqual(200);
				expect(status).toBeLessThan(300);
				const { payload } = await deliver('linkedin.message.received');
				await expectOneRunOnAWorker(trigger, payload);
			});
		});
	});

	describe('3. lifecycle', () => {
		it('deactivation deletes the hook', async () => {
			await withTrigger(stack, ['*'], async (trigger) => {
				onlyHook(stack, trigger);
				await stack.rest.deactivate(trigger.workflowId);
				await waitFor(async () => (hooksFor(stack, trigger).length === 0 ? true : undefined), {
					what: 'the hook to be deleted',
					timeoutMs: 10_000,
				});
			});
		});

		it('restarting the main process with the workflow active makes no duplicate hook; deliveries run on a worker meanwhile and after', async () => {
			await withTrigger(stack, ['linkedin.invitation.sent'], async (trigger) => {
				const before = onlyHook(stack, trigger);
				await stack.n8n.stop();
				// The webhook process and the workers do not need the main process to take deliveries.
				const whileDown = await deliver('linkedin.invitation.sent');
				expect(whileDown.statuses).toEqual([200]);

				const callsBefore = stack.emulator!.requests().length;
				await stack.n8n.restart();
				await stack.rest.login();
				await stack.rest.settledPublication(trigger.workflowId);
				await stack.emulator!.idle();
				const calls = stack
					.emulator!.requests()
					.slice(callsBefore)
					.map((call) => `${call.method} ${call.path} ${call.status}`);
				progress(
					`[${label}] main restarted in ${(stack.n8n.lastStartMs / 1000).toFixed(1)} s; Kakiyo calls at startup: ${calls.join(', ') || 'none'}`,
				);
				expect(hooksFor(stack, trigger)).toHaveLength(1);
				expect(onlyHook(stack, trigger).id).toBe(before.id);

				const [whileDownRun] = await waitForExecutions(stack, trigger, 1);
				expect(await triggerOutput(stack, whileDownRun)).toEqual([whileDown.payload]);
				expect((await placementOf(stack, whileDownRun.id)).workers).toHaveLength(1);
				const after = await deliver('linkedin.invitation.sent');
				expect(after.statuses).toEqual([200]);
				await expectOneRunOnAWorker(trigger, after.payload, 2);
				expect(hooksFor(stack, trigger)).toHaveLength(1);
			});
		});
	});

	describe('4. action node', () => {
		it('an action-node workflow runs on a worker and answers with its output', async () => {
			const catalogue = (await (
				await fetch(`${stack.kakiyo.baseUrl}/webhooks/test/events`, {
					headers: { authorization: `Bearer ${stack.kakiyo.apiKey}` },
				})
			).json()) as unknown[];
			const run = await runActionWorkflow(stack, { resource: 'webhookEvent', operation: 'getAll' });
			expect(run.output).toEqual(catalogue);
			const [execution] = await waitForExecutions(stack, run, 1);
			expect(execution.status).toBe('success');
			expect((await placementOf(stack, execution.id)).workers).toHaveLength(1);
		});
	});

	describe('5. the event → action loop', () => {
		it('the example "qualify the prospects who reply" qualifies the prospect who replied, on a worker', async () => {
			const fixture = exampleFixture('qualify-prospects-who-reply.json', stack.credential);
			const { id } = await stack.rest.createWorkflow(fixture.workflow);
			expect(await stack.rest.activate(id)).toEqual({ ok: true });
			try {
				const emulator = stack.emulator!;
				const [john] = emulator.state().teams[0].prospects;
				const result = await emulator.reply(john.chat.id, `Interested (queue mode on ${label})`);
				expect(result.deliveries.map((delivery) => delivery.status)).toEqual([200]);

				const [execution] = await waitForExecutions(stack, { workflowId: id }, 1);
				expect(execution.status).toBe('success');
				const placement = await placementOf(stack, execution.id);
				expect(placement.workers).toHaveLength(1);
				expect(placement.enqueuedBy).toEqual([stack.queue!.webhooks[0].name]);
				expect(await stack.rest.nodeOutput(execution.id, 'Qualify the prospect')).toEqual([
					{
						message: 'Prospect qualified successfully',
						chatId: john.chat.id,
						qualification: 'qualified',
					},
				]);
				const qualified = emulator.state().teams[0].prospects.find((p) => p.id === john.id);
				expect(qualified?.chat.qualification).toBe('qualified');
				progress(`[${label}] the loop's execution ${execution.id} ran on ${placement.workers[0]}`);
			} finally {
				await deactivateIfActive(stack, id);
			}
		});
	});
});
