import { NodeApiError, type INode, type JsonObject } from 'n8n-workflow';
import type { AttemptFailure } from './retryPolicy';

/** What the caller was doing, so an error can name it ("webhook abc123 was not found"). */
export interface RequestSummary {
	method: string;
	path: string;
	/** The thing the path points at, e.g. `webhook "abc"`; derived from the path when missing. */
	resource?: string;
	attempts: number;
}

interface KakiyoErrorBody {
	error?: string;
	message?: string;
}

function errorBody(body: unknown): KakiyoErrorBody {
	if (body && typeof body === 'object') return body as KakiyoErrorBody;
	if (typeof body === 'string') {
		try {
			const parsed = JSON.parse(body) as unknown;
			if (parsed && typeof parsed === 'object') return parsed as KakiyoErrorBody;
		} catch {
			// Not JSON (a proxy's HTML page, say): keep a short excerpt as the message.
			return { message: body.replace(/\s+/g, ' ').trim().slice(0, 200) };
		}
	}
	return {};
}

function describeResource(request: RequestSummary): string {
	if (request.resource) return request.resource;
	const [collection, id] = request.path.split('?')[0].split('/').filter(Boolean);
	if (!collection) return 'the requested resource';
	const singular = collection.replace(/s$/, '');
	return id ? `${singular} "${decodeURIComponent(id)}"` : `the ${collection} endpoint`;
}

function tries(request: RequestSummary): string {
	return request.attempts > 1 ? ` (gave up after ${request.attempts} attempts)` : '';
}

interface Explanation {
	message: string;
	description: string;
}

function explainHttp(
	statusCode: number,
	code: string,
	kakiyoMessage: string,
	request: RequestSummary,
): Explanation {
	const said = kakiyoMessage ? `: ${kakiyoMessage}` : '';
	switch (code) {
		case 'missing_api_key':
		case 'invalid_api_key_format':
		case 'invalid_api_key':
			return {
				message: `Kakiyo rejected the API key${said}`,
				description:
					'Check the API key in the Kakiyo API credential: it must be the 40-character team key from Team > API Keys in the Kakiyo dashboard, pasted without spaces.',
			};
		case 'subscription_inactive':
			return {
				message: `The Kakiyo subscription is inactive${said}`,
				description:
					'Renew or reactivate the subscription in the Kakiyo dashboard, then run this again.',
			};
		case 'forbidden':
			return {
				message: `This API key may not do that${said}`,
				description: 'Use an API key from the Kakiyo team that owns this resource.',
			};
	}
	if (statusCode === 401 || statusCode === 403) {
		return {
			message: `Kakiyo refused access (${statusCode})${said}`,
			description: 'Check the API key and the subscription of the Kakiyo team in the credential.',
		};
	}
	if (statusCode === 404) {
		return {
			message: `Kakiyo could not find ${describeResource(request)}${said}`,
			description:
				'Check the ID, or list the existing items first; it may have been deleted in Kakiyo. If the whole endpoint is missing, check the Base URL in the credential (it should end in /v1).',
		};
	}
	if (statusCode === 429) {
		return {
			message: `Kakiyo's rate limit was reached${said}${tries(request)}`,
			description:
				'Kakiyo allows 60 requests a minute per endpoint. Wait a minute, or make the workflow call this endpoint less often (for example with a Loop Over Items node and a Wait).',
		};
	}
	if (statusCode >= 500) {
		return {
			message: `Kakiyo had a server error (${statusCode})${said}${tries(request)}`,
			description:
				"The problem is on Kakiyo's side. Try again in a few minutes; if it persists, contact Kakiyo support.",
		};
	}
	if (statusCode === 400 || code === 'validation_error') {
		return {
			message: `Kakiyo refused the request${said}`,
			description:
				'Check the values sent to Kakiyo (names, URLs, event names) against the error above.',
		};
	}
	return {
		message: `Kakiyo answered ${statusCode}${said}`,
		description:
			"Kakiyo did not accept the request. Check the values sent, or Kakiyo's API documentation for this status.",
	};
}

// Plain words rather than codes: NodeApiError swaps a message containing ECONNREFUSED & co. for its own.
const NETWORK_PROBLEMS: Record<string, string> = {
	ECONNREFUSED: 'connection refused',
	ECONNRESET: 'connection reset',
	ENOTFOUND: 'host not found',
	EAI_AGAIN: 'DNS lookup failed',
	EHOSTUNREACH: 'host unreachable',
	EPIPE: 'connection closed',
};

function explainNetwork(code: string, request: RequestSummary): Explanation {
	if (['ETIMEDOUT', 'ECONNABORTED', 'ESOCKETTIMEDOUT'].includes(code)) {
		return {
			message: `Kakiyo did not answer in time${tries(request)}`,
			description: `Kakiyo may be slow or down (${code}). Try again later.`,
		};
	}
	return {
		message: `Could not reach Kakiyo (${NETWORK_PROBLEMS[code] ?? 'network error'})${tries(request)}`,
		description: `Check the Base URL in the Kakiyo API credential and that n8n can reach that host${code ? ` (${code})` : ''}.`,
	};
}

/** Replaces every occurrence of a secret in a text, so an echoed key never reaches an error. */
function redact(text: string, secrets: readonly string[]): string {
	return secrets
		.filter((secret) => secret.length >= 4)
		.reduce((result, secret) => result.split(secret).join('[redacted]'), text);
}

/**
 * Turns a failed call into a NodeApiError that says what happened and what to do, carrying only
 * Kakiyo's own error code and message: never the request options, whose headers hold the API key.
 */
export function kakiyoApiError(
	node: INode,
	failure: AttemptFailure,
	request: RequestSummary,
	secrets: readonly string[] = [],
): NodeApiError {
	let explanation: Explanation;
	let response: JsonObject;
	if (failure.kind === 'http') {
		const body = errorBody(failure.body);
		const code = typeof body.error === 'string' ? body.error : '';
		const kakiyoMessage = typeof body.message === 'string' ? body.message : '';
		explanation = explainHttp(failure.statusCode, code, kakiyoMessage, request);
		// Some n8n screens (1.x activation errors, for one) show only the description: say there what
		// Kakiyo answered, too.
		explanation.description = `${explanation.description} (Kakiyo answered ${request.method} ${request.path} with HTTP ${failure.statusCode}${code ? ` ${code}` : ''}.)`;
		response = { error: code, message: kakiyoMessage, statusCode: failure.statusCode };
	} else {
		explanation = explainNetwork(failure.code, request);
		response = { error: failure.code, message: failure.message };
	}
	const clean = (text: string) => redact(text, secrets);
	return new NodeApiError(node, JSON.parse(clean(JSON.stringify(response))) as JsonObject, {
		message: clean(explanation.message),
		description: clean(explanation.description),
		httpCode: failure.kind === 'http' ? String(failure.statusCode) : undefined,
	});
}

/** True when an error from the client (or from n8n's helpers) is an HTTP 404. */
export function isNotFoundError(error: unknown): boolean {
	const candidate = error as
		| { httpCode?: unknown; httpStatusCode?: unknown; statusCode?: unknown; status?: unknown }
		| undefined;
	if (!candidate || typeof candidate !== 'object') return false;
	return [
		candidate.httpCode,
		candidate.httpStatusCode,
		candidate.statusCode,
		candidate.status,
	].some((value) => String(value) === '404');
}
