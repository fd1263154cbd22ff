import type { RetryPolicy } from '../../nodes/shared/transport/retryPolicy';

/** The shipped policy's shape with short waits, so tests of retries take milliseconds. */
export const FAST_RETRY: Readonly<RetryPolicy> = Object.freeze({
	maxRetries: 3,
	baseDelayMs: 5,
	maxDelayMs: 20,
	timeoutMs: 2000,
	// Room for every attempt to time out (4 × 2 s), so only a long wait a 429 asks for meets it.
	callDeadlineMs: 10_000,
});
