/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test-only emulator: faults act on node:http sockets and wait with node:timers */
/**
 * Scripted failures of the next matching API calls: a status, a slow answer, a dropped connection, a
 * body that is not JSON, a redirect or an answer too large to read. They run before authentication, as
 * a proxy or an outage would.
 */
import type { ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { sendJson, validationError } from './http';
import { sendOversized } from './oversized';
import { matchPath } from './routing';
import type { FaultSpec } from './types';

interface ArmedFault {
	spec: FaultSpec;
	remaining: number;
}

export class FaultQueue {
	private armed: ArmedFault[] = [];

	/** Checks a spec (from a test or the control plane) and arms it. */
	add(input: unknown): FaultSpec {
		const spec = checkFault(input);
		this.armed.push({ spec, remaining: spec.count ?? 1 });
		return spec;
	}

	/** The first armed fault matching this call, used up by one. */
	take(method: string, path: string): FaultSpec | undefined {
		const found = this.armed.find(
			({ spec }) =>
				(!spec.method || spec.method.toUpperCase() === method) &&
				matchPath(spec.path, path) !== undefined,
		);
		if (!found) return undefined;
		found.remaining -= 1;
		if (found.remaining <= 0) this.armed = this.armed.filter((fault) => fault !== found);
		return found.spec;
	}

	pending(): number {
		return this.armed.reduce((total, fault) => total + fault.remaining, 0);
	}

	reset(): void {
		this.armed = [];
	}
}

/** One word for logs and the request record. */
export function describeFault(spec: FaultSpec): string {
	if (spec.drop) return 'drop';
	if (spec.malformed) return 'malformed';
	if (spec.oversized) return `oversized ${spec.oversized.bytes} bytes`;
	if (Object.keys(spec.headers ?? {}).some((name) => name.toLowerCase() === 'location'))
		return `redirect ${spec.status ?? 500}`;
	if (answers(spec)) return `status ${spec.status ?? 500}`;
	return `delay ${spec.delayMs}ms`;
}

/**
 * Acts out the fault. Returns false when it was only a delay and the API should now answer normally.
 * `closing` cuts a delay short when the emulator shuts down.
 */
export async function applyFault(
	spec: FaultSpec,
	res: ServerResponse,
	closing: AbortSignal,
): Promise<boolean> {
	if (spec.delayMs)
		await sleep(spec.delayMs, undefined, { signal: closing }).catch(() => undefined);
	// The client gave up, or the emulator is closing: nobody is left to answer.
	if (res.destroyed || closing.aborted) return true;
	if (spec.drop) {
		res.socket?.destroy();
		return true;
	}
	if (spec.malformed) {
		// Claims JSON but is not: the hardest case for a client that trusts Content-Type.
		const text =
			typeof spec.body === 'string'
				? spec.body
				: '<html><body><h1>502 Bad Gateway</h1><p>upstream sent an invalid response</p></body></html>';
		res.writeHead(spec.status ?? 200, { 'Content-Type': 'application/json' });
		res.end(text);
		return true;
	}
	if (spec.oversized) {
		sendOversized(res, spec.status ?? 200, spec.oversized);
		return true;
	}
	if (!answers(spec)) return false;
	const status = spec.status ?? 500;
	const body = spec.body === undefined ? defaultErrorBody(status) : spec.body;
	sendJson(res, { status, body, headers: spec.headers });
	return true;
}

function answers(spec: FaultSpec): boolean {
	return spec.status !== undefined || spec.body !== undefined || !!spec.headers || !spec.delayMs;
}

const CODES: Record<number, string> = {
	400: 'validation_error',
	401: 'invalid_api_key',
	403: 'forbidden',
	404: 'not_found',
	429: 'rate_limit_exceeded',
};

function defaultErrorBody(status: number): { error: string; message: string } {
	const error = CODES[status] ?? (status >= 500 ? 'internal_error' : 'injected_fault');
	return { error, message: `Injected fault: HTTP ${status}` };
}

function checkFault(input: unknown): FaultSpec {
	if (input === null || typeof input !== 'object') throw validationError('fault must be an object');
	const spec = input as FaultSpec;
	if (typeof spec.path !== 'string' || !spec.path.startsWith('/')) {
		throw validationError("fault path must start with '/', e.g. '/v1/webhooks/:id' or '/v1/*'");
	}
	if (spec.method !== undefined && typeof spec.method !== 'string') {
		throw validationError('fault method must be a string');
	}
	const { count, delayMs, status } = spec;
	if (!inRange(count, 1, Infinity)) throw validationError('fault count must be a positive integer');
	if (!inRange(delayMs, 0, Infinity))
		throw validationError('fault delayMs must be a whole number ≥ 0');
	if (!inRange(status, 100, 599))
		throw validationError('fault status must be an HTTP status (100-599)');
	if (spec.headers !== undefined && !isTextRecord(spec.headers))
		throw validationError('fault headers must be an object of strings');
	if (spec.oversized !== undefined && !isOversized(spec.oversized))
		throw validationError(
			'fault oversized must be {bytes: a positive integer, encoding?: gzip, deflate, br or identity}',
		);
	return { ...spec };
}

function isTextRecord(value: unknown): value is Record<string, string> {
	return (
		typeof value === 'object' &&
		value !== null &&
		Object.values(value).every((entry) => typeof entry === 'string')
	);
}

function isOversized(value: unknown): boolean {
	const { bytes, encoding } = (value ?? {}) as Record<string, unknown>;
	return (
		typeof value === 'object' &&
		Number.isInteger(bytes) &&
		(bytes as number) > 0 &&
		(encoding === undefined || ['gzip', 'deflate', 'br', 'identity'].includes(encoding as string))
	);
}

/** Absent, or an integer within [min, max]. */
function inRange(value: number | undefined, min: number, max: number): boolean {
	return value === undefined || (Number.isInteger(value) && value >= min && value <= max);
}
