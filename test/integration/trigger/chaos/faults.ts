import type { FaultSpec } from '../../../emulator';
import type { Random } from './random';

/** The kinds of trouble the chaos run injects into Kakiyo's answers. */
export const FAULT_KINDS = {
	serverError: 4,
	rateLimit: 3,
	timeout: 1,
	slow: 2,
	htmlPage: 2,
	errorIn200: 2,
	maskedSecret: 2,
	messageOnly: 2,
	emptyObject: 1,
} as const;

export type FaultKind = keyof typeof FAULT_KINDS;

/** The calls the trigger makes: each fault hits one of them. */
const TARGETS = [
	{ method: 'GET', path: '/v1/webhooks' },
	{ method: 'GET', path: '/v1/webhooks/:id' },
	{ method: 'POST', path: '/v1/webhooks' },
	{ method: 'PUT', path: '/v1/webhooks/:id' },
	{ method: 'DELETE', path: '/v1/webhooks/:id' },
] as const;

/**
 * One fault of the given kind on a random call. A timeout answers 504 after the client has given up,
 * so the call is never carried out: a request Kakiyo processes after the client stopped waiting is
 * a hazard no client can see, not one this run measures.
 */
export function makeFault(kind: FaultKind, random: Random, timeoutMs: number): FaultSpec {
	const target = random.pick(TARGETS);
	switch (kind) {
		case 'serverError':
			return { ...target, status: random.pick([500, 502, 503]), count: random.int(1, 3) };
		case 'rateLimit':
			return { ...target, status: 429, count: random.int(1, 2) };
		case 'timeout':
			return { ...target, delayMs: timeoutMs * 2, status: 504 };
		case 'slow':
			return { ...target, delayMs: random.int(5, Math.floor(timeoutMs / 5)) };
		case 'htmlPage':
			return { ...target, malformed: true };
		case 'errorIn200':
			return { ...target, status: 200, body: { error: 'internal_error', message: 'Try later' } };
		case 'maskedSecret':
			return {
				...target,
				status: 200,
				body: { secret: 'whsec_****', active: true, message: 'Webhook updated successfully' },
			};
		case 'messageOnly':
			return { ...target, status: 200, body: { message: 'Webhook updated successfully' } };
		case 'emptyObject':
			return { ...target, status: 200, body: {} };
	}
}
