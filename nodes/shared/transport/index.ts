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
import type { AnswerCheck } from '../answerCheck';
import { kakiyoApiError } from './apiError';
import { withDeadline } from './requestDeadline';
import {
	DEFAULT_RETRY_POLICY,
	isRetryable,
	retryDelayMs,
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

/** Why an answer fails the call: an HTTP error status, or a success answer the call refuses. */
function answerProblem(
	response: IN8nHttpFullResponse,
	refuse: AnswerCheck | undefined,
): AttemptFailure | undefined {
	const { statusCode, body } = response;
	if (statusCode >= 400) return { kind: 'http', statusCode, body, headers: response.headers ?? {} };
	const reason = refuse?.(body);
	return reason === undefined ? undefined : { kind: 'answer', statusCode, body, reason };
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
			const problem = answerProblem(response, request.refuse);
			if (!problem) return response.body as T;
			failure = problem;
		} catch (error) {
			failure = deadline.aborted
				? { kind: 'network', code: 'ETIMEDOUT', message: `no answer within ${policy.timeoutMs} ms` }
				: networkFailure(error);
		}
		if (
			attempt > (request.maxRetries ?? policy.maxRetries) ||
			!isRetryable(failure, request.method)
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
		await sleep(retryDelayMs(attempt - 1, failure, policy));
	}
}
