import {
	DEFAULT_RETRY_POLICY,
	rateLimitWaitMs,
	waitBeforeRetryMs,
	type AttemptFailure,
} from '../../../nodes/shared/transport/retryPolicy';

/**
 * A 429 is retried after as long as Kakiyo asked: its Retry-After header, or the `resetTime` its Do
 * Not Contact routes put in the body. Other failures keep the capped backoff.
 */
const NOW = Date.parse('2026-03-01T12:00:00.000Z');

const http = (
	statusCode: number,
	headers: Record<string, unknown> = {},
	body: unknown = {},
): AttemptFailure => ({ kind: 'http', statusCode, body, headers });

describe('rateLimitWaitMs', () => {
	it.each([
		['Retry-After in seconds', http(429, { 'retry-after': '45' }), 45_000],
		[
			'Retry-After as an HTTP date',
			http(429, { 'retry-after': 'Sun, 01 Mar 2026 12:00:30 GMT' }),
			30_000,
		],
		['resetTime in the body', http(429, {}, { resetTime: '2026-03-01T12:00:50.000Z' }), 50_000],
		[
			'the header before the body',
			http(429, { 'retry-after': '5' }, { resetTime: '2026-03-01T12:00:50.000Z' }),
			5000,
		],
		['a time already past', http(429, { 'retry-after': 'Sun, 01 Mar 2026 11:59:00 GMT' }), 0],
		['nothing said', http(429), undefined],
		['words', http(429, { 'retry-after': 'soon' }, { resetTime: 'later' }), undefined],
		['another status', http(503, { 'retry-after': '45' }), undefined],
		[
			'no answer at all',
			{ kind: 'network', code: 'ECONNREFUSED', message: '' } as const,
			undefined,
		],
	])('%s', (_case, failure, expected) => {
		expect(rateLimitWaitMs(failure, NOW)).toBe(expected);
	});
});

describe('waitBeforeRetryMs', () => {
	it("waits a 429 as long as Kakiyo asked, past the backoff's cap", () => {
		const asked = http(429, {}, { resetTime: '2026-03-01T12:00:55.000Z' });
		expect(waitBeforeRetryMs(0, asked, DEFAULT_RETRY_POLICY, NOW)).toBe(55_000);
		expect(55_000).toBeGreaterThan(DEFAULT_RETRY_POLICY.maxDelayMs);
	});

	it('never waits less than the backoff', () => {
		expect(waitBeforeRetryMs(2, http(429, { 'retry-after': '1' }), DEFAULT_RETRY_POLICY, NOW)).toBe(
			4000,
		);
		expect(waitBeforeRetryMs(1, http(429), DEFAULT_RETRY_POLICY, NOW)).toBe(2000);
	});

	it("keeps other failures' waits capped", () => {
		expect(
			waitBeforeRetryMs(0, http(503, { 'retry-after': '600' }), DEFAULT_RETRY_POLICY, NOW),
		).toBe(DEFAULT_RETRY_POLICY.maxDelayMs);
	});

	it("ships a call deadline that ordinary retries never meet, with room for a minute's wait", () => {
		const { maxRetries, timeoutMs, callDeadlineMs = 0 } = DEFAULT_RETRY_POLICY;
		const backoffs = Array.from({ length: maxRetries }, (_, retry) =>
			waitBeforeRetryMs(retry, http(503), DEFAULT_RETRY_POLICY, NOW),
		);
		const everyAttemptTimingOut = (maxRetries + 1) * timeoutMs + backoffs.reduce((a, b) => a + b);
		expect(everyAttemptTimingOut).toBeLessThan(callDeadlineMs);
		expect(60_000 + timeoutMs).toBeLessThan(callDeadlineMs);
	});
});
