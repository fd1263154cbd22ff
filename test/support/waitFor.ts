import { sleep } from 'n8n-workflow';

export interface WaitOptions {
	/** What is awaited, for the timeout message ("execution of workflow 3"). */
	what: string;
	timeoutMs?: number;
	intervalMs?: number;
	/** Extra context for the timeout message (e.g. the end of a log). */
	diagnose?: () => string;
}

/**
 * Polls `probe` until it returns something other than undefined; an error thrown by the probe
 * ends the wait at once. Real n8n does most things asynchronously (2.x activation, executions
 * after a webhook answered), so tests wait for the observable outcome, not for a guessed time.
 */
export async function waitFor<T>(
	probe: () => Promise<T | undefined>,
	options: WaitOptions,
): Promise<T> {
	const timeoutMs = options.timeoutMs ?? 30_000;
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const result = await probe();
		if (result !== undefined) return result;
		if (Date.now() > deadline) {
			throw new Error(
				`Timed out after ${timeoutMs} ms waiting for ${options.what}${options.diagnose ? `. ${options.diagnose()}` : ''}`,
			);
		}
		await sleep(options.intervalMs ?? 200);
	}
}
