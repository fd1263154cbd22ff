import type { N8nServer } from '../harness/n8nProcess';
import type { Stack } from '../harness/stack';
import { waitFor } from '../support/waitFor';

/** Where an execution ran in queue mode, read from each process's own log. */
export interface ExecutionPlacement {
	/** The workers that logged starting and finishing it (exactly one when all is well), by name. */
	workers: string[];
	/** The webhook processes that enqueued it, by name. */
	enqueuedBy: string[];
}

/**
 * n8n logs `Worker started execution N (job J)` and `Worker finished execution N (job J)` on the
 * worker that runs an execution, and `Enqueued execution N (job J)` on the process that put it on
 * the queue (1.x and 2.x alike). The worker's finish line can trail the stored status by a few
 * milliseconds, so this waits for a worker to have logged both.
 */
export async function placementOf(stack: Stack, executionId: string): Promise<ExecutionPlacement> {
	const queue = stack.queue;
	if (!queue) throw new Error('placementOf needs a stack in queue mode');
	const logged = (server: N8nServer, what: string) =>
		server.currentLog().includes(`${what} execution ${executionId} (job `);
	const ranIt = (worker: N8nServer) =>
		logged(worker, 'Worker started') && logged(worker, 'Worker finished');
	await waitFor(async () => (queue.workers.some(ranIt) ? true : undefined), {
		what: `a worker to log that it ran execution ${executionId}`,
		timeoutMs: 10_000,
	});
	return {
		workers: queue.workers.filter(ranIt).map((worker) => worker.name),
		enqueuedBy: queue.webhooks
			.filter((webhook) => logged(webhook, 'Enqueued'))
			.map((webhook) => webhook.name),
	};
}
