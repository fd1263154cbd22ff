import { NodeApiError, type INode, type JsonObject } from 'n8n-workflow';
import { MAX_ANSWER_SIZE_TEXT } from './answerBody';
import { explainConflict, type Explanation } from '../conflictErrors';
import { cap, excerpt, redact } from './redaction';
import type { AttemptFailure } from './retryPolicy';

/** What the caller was doing, so an error can name it ("webhook abc123 was not found"). */
export interface RequestSummary {
	method: string;
	path: string;
	/** The thing the path points at, e.g. `webhook "abc"`; derived from the path when missing. */
	resource?: string;
	attempts: number;
}

/** What Kakiyo said in an error answer: its code and message, redacted and capped. */
interface KakiyoSaid {
	code: string;
	message: string;
	/** The `currentStatus` an `invalid_status` answer carries. */
	currentStatus: string;
}

// Kakiyo's own words are quoted in the message; the whole message and description are capped again.
const MAX_CODE = 60;
const MAX_KAKIYO_MESSAGE = 300;
const MAX_PAGE_EXCERPT = 200;
const MAX_ERROR_TEXT = 1000;
const MAX_HOST = 100;

/**
 * Kakiyo's `{error, message}`, from a parsed body or a JSON text; for anything else (a proxy's HTML
 * page, say) a short excerpt as the message. Every text is redacted whole before it is shortened.
 */
function kakiyoSaid(body: unknown, clean: (text: string) => string): KakiyoSaid {
	let parsed = body;
	if (typeof body === 'string') {
		try {
			parsed = JSON.parse(body) as unknown;
		} catch {
			return { code: '', message: excerpt(clean(body), MAX_PAGE_EXCERPT), currentStatus: '' };
		}
	}
	if (!parsed || typeof parsed !== 'object') return { code: '', message: '', currentStatus: '' };
	const { error, message, currentStatus } = parsed as Record<string, unknown>;
	return {
		code: typeof error === 'string' ? excerpt(clean(error), MAX_CODE) : '',
		message: typeof message === 'string' ? excerpt(clean(message), MAX_KAKIYO_MESSAGE) : '',
		currentStatus: typeof currentStatus === 'string' ? excerpt(clean(currentStatus), MAX_CODE) : '',
	};
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

function explainHttp(statusCode: number, kakiyo: KakiyoSaid, request: RequestSummary): Explanation {
	const { code, currentStatus } = kakiyo;
	const said = kakiyo.message ? `: ${kakiyo.message}` : '';
	const conflict = explainConflict({ code, said, currentStatus, ...request });
	if (conflict) return conflict;
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

/**
 * A redirect is refused, never followed: following it would hand the key, and whatever the request
 * carries, to the host it names. Both texts name that host: some n8n screens (1.x activation errors)
 * show only the description.
 */
function explainRedirect(
	statusCode: number,
	host: string | undefined,
	request: RequestSummary,
): Explanation {
	const where = host ? `to ${host}` : 'that names no address';
	const notSent = host
		? `nothing was sent on to ${host}, which would have received the API key and everything the request carries`
		: 'nothing was sent on';
	return {
		message: `The Base URL answered ${request.method} ${request.path} with a redirect (HTTP ${statusCode}) ${where}; this node does not follow redirects`,
		description: `Kakiyo's API never redirects, so ${notSent}. Check the Base URL in the Kakiyo API credential: it must be the Kakiyo API itself (https://api.kakiyo.com/v1), not an address that sends you elsewhere (a proxy, a captive portal, a mistyped host).`,
	};
}

function explainTooLarge(statusCode: number, request: RequestSummary): Explanation {
	return {
		message: `The answer to ${request.method} ${request.path} is larger than ${MAX_ANSWER_SIZE_TEXT}, the most this node reads from one answer`,
		description: `Nothing was taken from it (HTTP ${statusCode}). Kakiyo's answers are far smaller, so something else probably answered: check that the Base URL in the Kakiyo API credential points at the Kakiyo API (https://api.kakiyo.com/v1).`,
	};
}

/**
 * Turns a failed call into a NodeApiError that says what happened and what to do, carrying only
 * Kakiyo's own error code and message: never the request options, whose headers hold the API key.
 */
export function kakiyoApiError(
	node: INode,
	failure: AttemptFailure,
	request: RequestSummary,
	secrets: ReadonlyArray<string | undefined> = [],
): NodeApiError {
	const clean = (text: string) => redact(text, secrets);
	let explanation: Explanation;
	let response: JsonObject;
	if (failure.kind === 'answer') {
		const said = kakiyoSaid(failure.body, clean);
		explanation = {
			message: `Kakiyo answered ${request.method} ${request.path} with HTTP ${failure.statusCode} but ${failure.reason}${said.message ? `: ${said.message}` : ''}`,
			description:
				'Nothing was taken from this answer. Kakiyo, or a proxy or firewall in front of it, did not answer as the Kakiyo API does: check that the Base URL in the credential points at the Kakiyo API (it should end in /v1), then try again.',
		};
		response = { error: said.code, message: said.message, statusCode: failure.statusCode };
	} else if (failure.kind === 'http') {
		const said = kakiyoSaid(failure.body, clean);
		explanation = explainHttp(failure.statusCode, said, request);
		// Some n8n screens (1.x activation errors, for one) show only the description: say there what
		// Kakiyo answered, too.
		explanation.description = `${explanation.description} (Kakiyo answered ${request.method} ${request.path} with HTTP ${failure.statusCode}${said.code ? ` ${said.code}` : ''}.)`;
		response = { error: said.code, message: said.message, statusCode: failure.statusCode };
	} else if (failure.kind === 'redirect') {
		const host = failure.host && excerpt(clean(failure.host), MAX_HOST);
		explanation = explainRedirect(failure.statusCode, host, request);
		response = { error: 'redirect', location: host ?? '', statusCode: failure.statusCode };
	} else if (failure.kind === 'tooLarge') {
		explanation = explainTooLarge(failure.statusCode, request);
		response = { error: 'answer_too_large', limit: MAX_ANSWER_SIZE_TEXT };
	} else {
		explanation = explainNetwork(failure.code, request);
		response = {
			error: excerpt(clean(failure.code), MAX_CODE),
			message: excerpt(clean(failure.message), MAX_KAKIYO_MESSAGE),
		};
	}
	return new NodeApiError(node, response, {
		message: cap(clean(explanation.message), MAX_ERROR_TEXT),
		description: cap(clean(explanation.description), MAX_ERROR_TEXT),
		httpCode:
			failure.kind === 'http' || failure.kind === 'redirect'
				? String(failure.statusCode)
				: undefined,
	});
}

/**
 * True for Kakiyo's own "not found": a 404 whose body carries Kakiyo's `not_found` code. A bare 404
 * (an HTML page, a proxy's or another server's answer) is not one: a wrong base URL answers every
 * route with 404, and taking that for "already deleted" would leave the webhook at Kakiyo.
 */
export function isKakiyoNotFound(error: unknown): boolean {
	const { httpCode, errorResponse } = (error ?? {}) as {
		httpCode?: unknown;
		errorResponse?: { error?: unknown };
	};
	return String(httpCode) === '404' && errorResponse?.error === 'not_found';
}
