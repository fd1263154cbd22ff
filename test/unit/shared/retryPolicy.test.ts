import type { IHttpRequestMethods } from 'n8n-workflow';
import {
	DEFAULT_RETRY_POLICY,
	isRetryable,
	retryDelayMs,
	type AttemptFailure,
} from '../../../nodes/shared/transport/retryPolicy';

const http = (statusCode: number, headers: Record<string, unknown> = {}): AttemptFailure => ({
	kind: 'http',
	statusCode,
	body: {},
	headers,
});
const network = (code: string): AttemptFailure => ({ kind: 'network', code, message: code });

describe('isRetryable', () => {
	it.each<[AttemptFailure, IHttpRequestMethods, boolean]>([
		[http(429), 'POST', true],
		[http(429), 'GET', true],
		// A gateway error may come after Kakiyo processed the request: a POST is not repeated.
		[http(502), 'POST', false],
		[http(503), 'POST', false],
		[http(504), 'POST', false],
		[http(503), 'PATCH', false],
		[http(502), 'DELETE', true],
		[http(504), 'GET', true],
		[http(503), 'PUT', true],
		[http(500), 'GET', true],
		[http(500), 'PUT', true],
		[http(500), 'POST', false],
		[http(400), 'GET', false],
		[http(401), 'GET', false],
		[http(404), 'DELETE', false],
		[network('ECONNREFUSED'), 'POST', true],
		[network('ETIMEDOUT'), 'GET', true],
		[network('ETIMEDOUT'), 'POST', false],
		[network('ECONNRESET'), 'DELETE', true],
		[network('ECONNRESET'), 'POST', false],
		[network('ENOTFOUND'), 'GET', false],
		// A redirect or an oversized answer would come again: never repeated, even a GET.
		[{ kind: 'redirect', statusCode: 302, host: 'elsewhere.example' }, 'GET', false],
		[{ kind: 'redirect', statusCode: 307, host: undefined }, 'POST', false],
		[{ kind: 'tooLarge', statusCode: 200 }, 'GET', false],
	])('%j with %s → %s', (failure, method, expected) => {
		expect(isRetryable(failure, method)).toBe(expected);
	});
});

describe('retryDelayMs', () => {
	it('doubles from the base delay and stops at the cap', () => {
		expect([0, 1, 2, 3, 4].map((retry) => retryDelayMs(retry, http(503)))).toEqual([
			1000,
			2000,
			4000,
			8000,
			DEFAULT_RETRY_POLICY.maxDelayMs,
		]);
	});

	it('honours a longer Retry-After, capped', () => {
		expect(retryDelayMs(0, http(429, { 'retry-after': '3' }))).toBe(3000);
		expect(retryDelayMs(2, http(429, { 'retry-after': '1' }))).toBe(4000);
		expect(retryDelayMs(0, http(429, { 'retry-after': '600' }))).toBe(
			DEFAULT_RETRY_POLICY.maxDelayMs,
		);
		expect(retryDelayMs(0, http(429, { 'retry-after': 'soon' }))).toBe(1000);
	});
});

describe('the retry policy', () => {
	it('ships frozen, so no caller can change the timing of another', () => {
		expect(Object.isFrozen(DEFAULT_RETRY_POLICY)).toBe(true);
	});

	it('takes the delays of the policy it is given', () => {
		const fast = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 5, maxDelayMs: 12 };
		expect([0, 1, 2].map((retry) => retryDelayMs(retry, http(503), fast))).toEqual([5, 10, 12]);
	});
});
