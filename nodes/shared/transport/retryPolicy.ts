import type { IHttpRequestMethods } from 'n8n-workflow';

/**
 * What went wrong with one attempt: an HTTP answer >= 400, a success answer the call cannot use (an
 * HTML page with 200, say), a redirect (never followed; `host` is where its Location points, when it
 * names a URL), an answer larger than the client reads, or no answer at all.
 */
export type AttemptFailure =
	| { kind: 'http'; statusCode: number; body: unknown; headers: Record<string, unknown> }
	| { kind: 'answer'; statusCode: number; body: unknown; reason: string }
	| { kind: 'redirect'; statusCode: number; host: string | undefined }
	| { kind: 'tooLarge'; statusCode: number }
	| { kind: 'network'; code: string; message: string };

/** How hard the client tries before giving up, and how long one attempt may take. */
export interface RetryPolicy {
	/** Retries after the first attempt. */
	maxRetries: number;
	/** Delay before the first retry; doubles on each further retry. */
	baseDelayMs: number;
	/** Upper bound for any single wait, including a server's Retry-After. */
	maxDelayMs: number;
	/** How long one attempt may take in all, from sending the request to the last byte of the answer. */
	timeoutMs: number;
	/**
	 * How long one call may go on, its attempts and waits together: a wait that would end later is not
	 * begun, and the call fails at once. DEFAULT_CALL_DEADLINE_MS when absent.
	 */
	callDeadlineMs?: number;
}

/**
 * Kakiyo allows its Do Not Contact batch 10 calls a minute, so a rate limit may ask a call to wait
 * most of a minute; this leaves room for that wait and one more attempt.
 */
export const DEFAULT_CALL_DEADLINE_MS = 90_000;

/**
 * Kakiyo allows 60 requests a minute per endpoint and every call costs a credit, so retries are few
 * and spaced out (1 s, 2 s, 4 s). Node classes take another policy in their constructor (tests use
 * short delays); n8n constructs them without one, so this applies.
 */
export const DEFAULT_RETRY_POLICY: Readonly<RetryPolicy> = Object.freeze({
	maxRetries: 3,
	baseDelayMs: 1000,
	maxDelayMs: 10_000,
	timeoutMs: 15_000,
	callDeadlineMs: DEFAULT_CALL_DEADLINE_MS,
});

const IDEMPOTENT_METHODS = new Set<IHttpRequestMethods>(['GET', 'HEAD', 'PUT', 'DELETE']);

// Errors where the request never reached Kakiyo, so even a POST can safely go again. The client
// follows no redirect, so these can only come from the Base URL's own host, before anything was sent:
// after a followed redirect, a refused connection would have said nothing about the first hop.
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'EAI_AGAIN']);
// Errors where the request may or may not have been processed.
const IN_FLIGHT_CODES = new Set([
	'ECONNRESET',
	'ETIMEDOUT',
	'ECONNABORTED',
	'EPIPE',
	'ESOCKETTIMEDOUT',
]);

/**
 * Whether a failed attempt is worth repeating. A 429 always is (Kakiyo did nothing), and so is a
 * connection that was never made. Any other failure may come after Kakiyo processed the request: a
 * 502, 503 or 504 from a proxy says nothing about whether Kakiyo behind it registered the webhook or
 * sent the test event, so 5xx answers and timeouts are repeated only for idempotent methods. A
 * repeated POST could register a second webhook or send a test event twice, costing credits. A
 * redirect, an oversized answer or a refused success answer never is: the same call gets the same.
 */
export function isRetryable(failure: AttemptFailure, method: IHttpRequestMethods): boolean {
	const idempotent = IDEMPOTENT_METHODS.has(method);
	if (failure.kind === 'network') {
		return NOT_SENT_CODES.has(failure.code) || (idempotent && IN_FLIGHT_CODES.has(failure.code));
	}
	// Kakiyo (or something in front of it) answered; asking again would get the same answer.
	if (failure.kind !== 'http') return false;
	if (failure.statusCode === 429) return true;
	return idempotent && failure.statusCode >= 500;
}

/** Milliseconds to wait before retry number `retry` (0-based), honouring a Retry-After in seconds. */
export function retryDelayMs(
	retry: number,
	failure: AttemptFailure,
	policy: Readonly<RetryPolicy> = DEFAULT_RETRY_POLICY,
): number {
	const backoff = policy.baseDelayMs * 2 ** retry;
	if (failure.kind === 'http') {
		const retryAfter = Number(failure.headers['retry-after']);
		if (Number.isFinite(retryAfter) && retryAfter > 0) {
			return Math.min(Math.max(retryAfter * 1000, backoff), policy.maxDelayMs);
		}
	}
	return Math.min(backoff, policy.maxDelayMs);
}

/**
 * How long Kakiyo asked a rate-limited call (429) to wait, in ms: a Retry-After header (seconds or an
 * HTTP date), else the `resetTime` (an ISO time) Kakiyo's Do Not Contact pages mention in their 429
 * answers. Undefined when it said nothing usable.
 */
export function rateLimitWaitMs(failure: AttemptFailure, now = Date.now()): number | undefined {
	if (failure.kind !== 'http' || failure.statusCode !== 429) return undefined;
	const header = failure.headers['retry-after'];
	const { resetTime } = (failure.body ?? {}) as { resetTime?: unknown };
	const said = typeof header === 'string' && header.trim() ? header.trim() : resetTime;
	if (typeof said !== 'string' || !said.trim()) return undefined;
	const at = /^\d+$/.test(said) ? now + Number(said) * 1000 : Date.parse(said);
	return Number.isFinite(at) ? Math.max(0, at - now) : undefined;
}

/**
 * Milliseconds to wait before retry number `retry` (0-based): the backoff, or for a rate limit as long
 * as Kakiyo asked when that is longer. Kakiyo's own word is not cut to `maxDelayMs` (a retry before
 * its limit resets is refused again); the call's deadline bounds it instead.
 */
export function waitBeforeRetryMs(
	retry: number,
	failure: AttemptFailure,
	policy: Readonly<RetryPolicy> = DEFAULT_RETRY_POLICY,
	now = Date.now(),
): number {
	const backoff = retryDelayMs(retry, failure, policy);
	return Math.max(rateLimitWaitMs(failure, now) ?? 0, backoff);
}
