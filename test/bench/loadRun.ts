import { randomBytes } from 'node:crypto';

import { sleep } from 'n8n-workflow';

import { EXECUTION_STATUSES } from '../harness/n8nRestClient';
import type { Stack } from '../harness/stack';
import { onlyHook } from '../harness/triggerProbe';
import type { WorkflowFixture } from '../harness/workflows';
import { delivery, sendBatch, type Delivery } from './loadClient';
import {
	kakiyoTriggerWorkflow,
	webhookNodeWorkflow,
	webhookWithHmacCheckWorkflow,
	type TriggerVariant,
	type WorkflowKey,
} from './loadWorkflows';
import { groupCpuMs } from './processCpu';

export interface LoadShape {
	/** Deliveries per workflow over all rounds. */
	deliveries: number;
	concurrency: number;
	rounds: number;
}

/** What one workflow's batch in one round measured. */
export interface BatchMeasurement {
	key: WorkflowKey;
	statuses: number[];
	latenciesMs: number[];
	/** First request out to last answer in. */
	httpMs: number;
	/** First request out to the last execution's stop (0 when none ran). */
	executionWindowMs: number;
	/** Successful executions this batch started. */
	succeeded: number;
	/** Executions of this batch that ended otherwise, by status (error, crashed…). */
	failed: Record<string, number>;
	/** CPU of every n8n process (main, webhook processes, workers, task runners) during the batch. */
	n8nCpuMs: number;
	/** CPU of Postgres and Redis during the batch (queue mode). */
	servicesCpuMs: number;
}

interface BenchWorkflow {
	key: WorkflowKey;
	workflowId: string;
	/** Where to POST, one URL per webhook process (or main's in single-process mode). */
	urls: string[];
	/** Signs this workflow's deliveries; W4 signs with a key the trigger does not hold. */
	signingSecret: string;
	/** Executions (any status) before the current batch. */
	executionsSoFar: number;
}

const ORDER: WorkflowKey[] = ['W1', 'W2', 'W3', 'W4'];
const UNFINISHED = ['new', 'running', 'waiting'];

/**
 * Creates the four workflows in one n8n and sends them `shape.deliveries` each, in rounds: every
 * round gives each workflow one batch, the order rotating from round to round, and a batch ends
 * when its executions have finished, so each batch's CPU belongs to that workflow alone.
 */
export async function measureLoad(
	stack: Stack,
	shape: LoadShape,
	trigger: TriggerVariant,
	progress: (message: string) => void,
): Promise<BatchMeasurement[]> {
	const workflows = await activateWorkflows(stack, trigger);
	const perRound = Math.ceil(shape.deliveries / shape.rounds);
	let sequence = 0;
	const batchOf = (workflow: BenchWorkflow, size: number): Delivery[] =>
		Array.from({ length: size }, () => delivery(sequence++, workflow.signingSecret));

	// Warm-up, not measured: code paths, connection pools, isolate pools.
	for (const workflow of workflows)
		await runBatch(stack, workflow, batchOf(workflow, Math.min(50, perRound)), shape.concurrency);

	const measurements: BatchMeasurement[] = [];
	for (let round = 0; round < shape.rounds; round++) {
		const size = Math.min(perRound, shape.deliveries - round * perRound);
		const order = ORDER.map((_, index) => workflows[(index + round) % workflows.length]);
		for (const workflow of order) {
			measurements.push(
				await runBatch(stack, workflow, batchOf(workflow, size), shape.concurrency),
			);
		}
		progress(`  round ${round + 1}/${shape.rounds} done (${size} deliveries per workflow)`);
	}
	return measurements;
}

async function activateWorkflows(stack: Stack, trigger: TriggerVariant): Promise<BenchWorkflow[]> {
	const w2Secret = randomBytes(32).toString('hex');
	const fixtures: Record<WorkflowKey, WorkflowFixture> = {
		W1: webhookNodeWorkflow(),
		W2: webhookWithHmacCheckWorkflow(w2Secret),
		W3: kakiyoTriggerWorkflow('W3', stack.credential, trigger),
		W4: kakiyoTriggerWorkflow('W4', stack.credential, trigger),
	};
	const bases = stack.queue ? stack.queue.webhooks.map((webhook) => webhook.url) : [stack.n8n.url];
	const workflows: BenchWorkflow[] = [];
	for (const key of ORDER) {
		const fixture = fixtures[key];
		const { id } = await stack.rest.createWorkflow(fixture.workflow);
		const activation = await stack.rest.activate(id);
		if (!activation.ok) throw new Error(`Activating ${key} failed: ${activation.message}`);
		const urls = bases.map((base) => `${base}${fixture.webhookPath}`);
		const hookSecret = () =>
			onlyHook(stack, { workflowId: id, url: `${stack.webhookBaseUrl}${fixture.webhookPath}` })
				.secret!;
		const signingSecret =
			key === 'W2' ? w2Secret : key === 'W3' ? hookSecret() : randomBytes(32).toString('hex');
		workflows.push({ key, workflowId: id, urls, signingSecret, executionsSoFar: 0 });
	}
	return workflows;
}

async function runBatch(
	stack: Stack,
	workflow: BenchWorkflow,
	deliveries: Delivery[],
	concurrency: number,
): Promise<BatchMeasurement> {
	const n8nGroups = stack.servers().map((server) => server.pid!);
	const serviceGroups = stack.queue ? [stack.queue.postgres.pid, stack.queue.redis.pid] : [];
	const n8nBefore = groupCpuMs(n8nGroups);
	const servicesBefore = groupCpuMs(serviceGroups);

	const batch = await sendBatch(workflow.urls, deliveries, concurrency);
	const accepted = batch.statuses.filter((status) => status === 200).length;
	await settle(stack, workflow, workflow.key === 'W4' ? 0 : accepted);

	const n8nCpuMs = groupCpuMs(n8nGroups) - n8nBefore;
	const servicesCpuMs = groupCpuMs(serviceGroups) - servicesBefore;
	// Counted, not listed: n8n's list pages are not reliable in queue mode (see latestExecutions).
	const since = batch.startedAt;
	const all = await stack.rest.countExecutions(workflow.workflowId, EXECUTION_STATUSES, since);
	const succeeded = await stack.rest.countExecutions(workflow.workflowId, ['success'], since);
	const failed: Record<string, number> = {};
	if (all > succeeded) {
		for (const status of EXECUTION_STATUSES.filter((other) => other !== 'success')) {
			const count = await stack.rest.countExecutions(workflow.workflowId, [status], since);
			if (count > 0) failed[status] = count;
		}
	}
	workflow.executionsSoFar = await stack.rest.countExecutions(
		workflow.workflowId,
		EXECUTION_STATUSES,
	);
	// The last execution to stop is among the last to start.
	const stops = (await stack.rest.latestExecutions(workflow.workflowId, ['success'], since))
		.filter((execution) => execution.stoppedAt)
		.map((execution) => Date.parse(execution.stoppedAt!));
	return {
		key: workflow.key,
		statuses: batch.statuses,
		latenciesMs: batch.latenciesMs,
		httpMs: batch.durationMs,
		executionWindowMs: stops.length ? Math.max(...stops) - batch.startedAt.getTime() : 0,
		succeeded,
		failed,
		n8nCpuMs,
		servicesCpuMs,
	};
}

/**
 * Waits until the batch's `expected` executions exist and none is still queued or running, or
 * until nothing has moved for 60 s (what is missing then is lost). With none expected (forged
 * deliveries) it still waits a second, so that an execution started wrongly gets counted.
 */
async function settle(stack: Stack, workflow: BenchWorkflow, expected: number): Promise<void> {
	const target = workflow.executionsSoFar + expected;
	let state = '';
	let changedAt = Date.now();
	for (;;) {
		const all = await stack.rest.countExecutions(workflow.workflowId, EXECUTION_STATUSES);
		const unfinished = await stack.rest.countExecutions(workflow.workflowId, UNFINISHED);
		if (`${all}/${unfinished}` !== state) changedAt = Date.now();
		state = `${all}/${unfinished}`;
		const quiet = Date.now() - changedAt;
		if (all >= target && unfinished === 0 && (expected > 0 || quiet > 1_000)) return;
		if (quiet > 60_000) return;
		await sleep(200);
	}
}
