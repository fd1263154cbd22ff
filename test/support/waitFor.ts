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
 * Polls `probe` until it returns something other than undefined or false, and returns that; an
 * error thrown by the probe ends the wait at once. What runs in the background (n8n's activation and
 * executions, the emulator's deliveries and imports, a child process's output) is waited for by its
 * observable outcome, never for a guessed time. The one polling helper of every test.
 */
export async function waitFor<T>(
	probe: () => T | undefined | false | Promise<T | undefined | false>,
	options: WaitOptions,
): Promise<T> {
	const timeoutMs = options.timeoutMs ?? 30_000;
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const result = await probe();
		if (result !== undefined && result !== false) return result;
		if (Date.now() > deadline) {
			throw new Error(
				`Timed out after ${timeoutMs} ms waiting for ${options.what}${options.diagnose ? `. ${options.diagnose()}` : ''}`,
			);
		}
		await sleep(options.intervalMs ?? 200);
	}
}
