import {
	sleep,
	type IDataObject,
	type IExecuteFunctions,
	type IHookFunctions,
	type IHttpRequestMethods,
	type IHttpRequestOptions,
	type ILoadOptionsFunctions,
	type IN8nHttpFullResponse,
} from 'n8n-workflow';
import { discardAnswer, readAnswer } from './answerBody';
import type { AnswerCheck } from '../answerCheck';
import { kakiyoApiError } from './apiError';
import { withDeadline } from './requestDeadline';
import {
	DEFAULT_CALL_DEADLINE_MS,
	DEFAULT_RETRY_POLICY,
	isRetryable,
	waitBeforeRetryMs,
	type AttemptFailure,
	type RetryPolicy,
} from './retryPolicy';

export { DEFAULT_RETRY_POLICY, type RetryPolicy };

export const KAKIYO_CREDENTIAL = 'kakiyoApi';
export const DEFAULT_BASE_URL = 'https://api.kakiyo.com/v1';

export type KakiyoApiContext = IExecuteFunctions | IHookFunctions | ILoadOptionsFunctions;

export interface KakiyoRequest {
	method: IHttpRequestMethods;
	/** Path under the base URL, e.g. `/webhooks/abc`. */
	path: string;
	/** Sent as JSON on any method, including DELETE. */
	body?: IDataObject;
	qs?: IDataObject;
	/** Names the target in a 404 message, e.g. `webhook "abc"`. */
	resource?: string;
	/** Retries allowed for this call; defaults to the policy's `maxRetries`. */
	maxRetries?: number;
	/** Values to redact from any error (a typed webhook secret, a LinkedIn password), besides the API key. */
	secrets?: string[];
	/** Retry and timeout timing; DEFAULT_RETRY_POLICY when absent. */
	retry?: Readonly<RetryPolicy>;
	/**
	 * Refuses a success answer this call cannot use (an HTML page answered with 200, a JSON error):
	 * returns why, and the call fails with an error that says so; undefined accepts the answer.
	 */
	refuse?: AnswerCheck;
}

interface KakiyoCredential {
	apiKey?: string;
	/** The API root (named as in Kakiyo's own package, which declares the same credential type). */
	url?: string;
}

/**
 * Joins the credential's base URL and a path without doubling or dropping the slash; a blank base
 * URL is the public API. The credential's test request resolves its URL the same way.
 */
export function joinUrl(baseUrl: string | undefined, path: string): string {
	const base = (baseUrl?.trim() || DEFAULT_BASE_URL).replace(/\/+$/, '');
	return `${base}/${path.replace(/^\/+/, '')}`;
}

/**
 * Why a value cannot be an ID in a request path, or undefined when it can. Encoding keeps `/` and `?`
 * inside their segment, but an empty, `.` or `..` segment would still change which endpoint is called
 * (`DELETE /webhooks/..` is `DELETE /`), and an AI agent filling in IDs may well send one.
 */
export function invalidIdReason(id: string): string | undefined {
	if (id === '') return 'it is empty';
	if (id === '.' || id === '..') return `"${id}" is not an ID`;
	return undefined;
}

/** Builds a path from segments, encoding each one, e.g. `apiPath('webhooks', id)`. */
export function apiPath(...segments: string[]): string {
	for (const segment of segments) {
		const reason = invalidIdReason(segment);
		if (reason) throw new Error(`Refusing to put "${segment}" in a Kakiyo path: ${reason}`);
	}
	return `/${segments.map((segment) => encodeURIComponent(segment)).join('/')}`;
}

function networkFailure(error: unknown): AttemptFailure {
	const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
	const own = error as { code?: unknown; message?: unknown };
	const code = [cause?.code, own.code].find((value) => typeof value === 'string') as
		| string
		| undefined;
	const message = [cause?.message, own.message].find((value) => typeof value === 'string') as
		| string
		| undefined;
	return { kind: 'network', code: code ?? '', message: message ?? 'no answer' };
}

/** The host a redirect's Location points at, resolved against the request's URL. */
function redirectHost(headers: IN8nHttpFullResponse['headers'], url: string): string | undefined {
	const location = headers?.location;
	if (typeof location !== 'string' || !location) return undefined;
	try {
		return new URL(location, url).host;
	} catch {
		return undefined;
	}
}

/**
 * Reads the answer of one attempt: its body, or why it fails the call (a redirect, an answer too
 * large, an HTTP error status, or a success answer the call refuses).
 */
async function readAttempt(
	response: IN8nHttpFullResponse,
	url: string,
	signal: AbortSignal | undefined,
	refuse: AnswerCheck | undefined,
): Promise<{ kind: 'ok'; body: unknown } | AttemptFailure> {
	const { statusCode } = response;
	const headers = response.headers ?? {};
	if (statusCode >= 300 && statusCode < 400) {
		discardAnswer(response.body);
		return { kind: 'redirect', statusCode, host: redirectHost(headers, url) };
	}
	const read = await readAnswer(response.body, signal);
	if ('tooLarge' in read) return { kind: 'tooLarge', statusCode };
	const { body } = read;
	if (statusCode >= 400) return { kind: 'http', statusCode, body, headers };
	const reason = refuse?.(body);
	return reason === undefined ? { kind: 'ok', body } : { kind: 'answer', statusCode, body, reason };
}

/**
 * The one way this package talks to Kakiyo: authenticated by the credential, retried with backoff on
 * rate limits and transient failures, and failing with a NodeApiError that explains what to do.
 */
export async function kakiyoApiRequest<T = unknown>(
	this: KakiyoApiContext,
	request: KakiyoRequest,
): Promise<T> {
	const policy = request.retry ?? DEFAULT_RETRY_POLICY;
	const credential = await this.getCredentials<KakiyoCredential>(KAKIYO_CREDENTIAL);
	const url = joinUrl(credential.url, request.path);
	const callDeadline = Date.now() + (policy.callDeadlineMs ?? DEFAULT_CALL_DEADLINE_MS);

	for (let attempt = 1; ; attempt++) {
		const options: IHttpRequestOptions = {
			method: request.method,
			url,
			json: true,
			headers: { Accept: 'application/json' },
			// Silence for this long ends the attempt early; the deadline ends it in any case.
			timeout: policy.timeoutMs,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			// Kakiyo's API never redirects. n8n would follow a redirect to any host, with the
			// Authorization header put back on and, on a 307 or 308, the body (a LinkedIn password, a
			// webhook secret) sent again: a 3xx fails the call instead.
			disableFollowRedirect: true,
			// n8n reads an answer whole whatever its size: as a stream, it is read up to a limit.
			encoding: 'stream',
		};
		if (request.body !== undefined) options.body = request.body;
		if (request.qs !== undefined) options.qs = request.qs;
		const deadline = withDeadline(options, policy.timeoutMs);

		let failure: AttemptFailure;
		try {
			const response = (await this.helpers.httpRequestWithAuthentication.call(
				this,
				KAKIYO_CREDENTIAL,
				options,
			)) as IN8nHttpFullResponse;
			// The deadline, joined by n8n's cancel signal in an execution, also covers the read.
			const read = await readAttempt(response, url, deadline.signal(), request.refuse);
			if (read.kind === 'ok') return read.body as T;
			failure = read;
		} catch (error) {
			failure = deadline.expired.aborted
				? { kind: 'network', code: 'ETIMEDOUT', message: `no answer within ${policy.timeoutMs} ms` }
				: networkFailure(error);
		}
		const wait = waitBeforeRetryMs(attempt - 1, failure, policy);
		if (
			attempt > (request.maxRetries ?? policy.maxRetries) ||
			!isRetryable(failure, request.method) ||
			Date.now() + wait > callDeadline
		) {
			throw kakiyoApiError(
				this.getNode(),
				failure,
				{
					method: request.method,
					path: request.path,
					resource: request.resource,
					attempts: attempt,
				},
				[credential.apiKey, ...(request.secrets ?? [])],
			);
		}
		await sleep(wait);
	}
}
