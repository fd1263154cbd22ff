/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test-only emulator: a real HTTP server needs node:http */
/**
 * One `/v1` call, in the order the real service would meet it: an injected fault (an outage in front of
 * the API), then the key, the rate limit and the route (which validates, then looks up, then checks
 * state). Every call is recorded with its query and body, and logged on one line (never the body).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ApiCall } from './apiContext';
import { authenticate, keyHint } from './auth';
import type { Emulator } from './emulator';
import { applyFault, describeFault } from './faults';
import {
	ApiError,
	answerWith,
	notFound,
	readBody,
	requestPath,
	sendJson,
	type Answer,
} from './http';
import { callOf, findRoute } from './routing';
import type { RecordedRequest } from './types';

export async function serveApi(
	emulator: Emulator,
	req: IncomingMessage,
	res: ServerResponse,
	closing: AbortSignal,
): Promise<void> {
	const method = req.method ?? 'GET';
	const path = requestPath(req);
	const started = Date.now();
	const entry: RecordedRequest = {
		at: new Date(started).toISOString(),
		method,
		path: req.url ?? path,
		query: queryOf(req.url),
		status: 0,
		durationMs: 0,
	};
	const { latencyMs } = emulator.settings;
	if (latencyMs > 0) await sleep(latencyMs, undefined, { signal: closing }).catch(() => undefined);
	const fault = emulator.faults.take(method, path);
	if (fault) entry.fault = describeFault(fault);
	if (fault && (await applyFault(fault, res, closing))) {
		entry.status = res.headersSent ? res.statusCode : 0; // 0: no answer at all
	} else {
		const answer = await answerWith(
			() => answerApi(emulator, req, method, path, entry),
			emulator.settings.log,
		);
		sendJson(res, answer);
		entry.status = answer.status;
		const { error } = answer.body as { error?: unknown };
		if (typeof error === 'string') entry.error = error; // DNC successes carry `error: null`
	}
	entry.durationMs = Date.now() - started;
	emulator.record(entry);
	emulator.settings.log(describeRequest(entry));
}

async function answerApi(
	emulator: Emulator,
	req: IncomingMessage,
	method: string,
	path: string,
	entry: RecordedRequest,
): Promise<Answer> {
	const text = await readBody(req);
	recordBody(entry, text);
	if (!/^\/v1(\/|$)/.test(path)) throw notFound(`No route for ${method} ${path}`);
	const auth = authenticate(req.headers.authorization, emulator.settings.keys);
	entry.auth = auth.outcome;
	if (auth.key) entry.keyHint = keyHint(auth.key);
	if (auth.error) throw auth.error;
	const match = findRoute(emulator.routes, method, path);
	// Limits count per route pattern, so /webhooks/a and /webhooks/b share one allowance.
	const endpoint = `${method} ${match?.route.pattern ?? path}`;
	const own = match?.route.ratePerMinute;
	const decision = emulator.limiter.take(auth.key, endpoint, own);
	if (!decision.allowed) {
		const limit = own ?? emulator.settings.rateLimitPerMinute;
		throw new ApiError(
			429,
			'rate_limit_exceeded',
			`Rate limit exceeded: ${String(limit)} requests per minute ` +
				`for ${endpoint}. Try again in ${decision.retryAfterSeconds} seconds.`,
			// (I) The DNC pages mention a `resetTime` on their 429s; its exact place is not readable.
			own === undefined
				? {}
				: { resetTime: new Date(Date.now() + decision.retryAfterSeconds * 1000).toISOString() },
			// (I) Kakiyo documents no rate-limit header; the standard one says when a slot frees up.
			{ 'Retry-After': String(decision.retryAfterSeconds) },
		);
	}
	if (!match) throw notFound(`No route for ${method} ${path}`);
	const team = emulator.teamOfKey(auth.key);
	team.credits += 1; // every call that reaches an endpoint costs one credit, whatever its answer
	emulator.settle();
	try {
		const call: ApiCall = { ...callOf(req.url, text), params: match.params, team };
		return await match.route.handle(call);
	} finally {
		emulator.world.save();
	}
}

function queryOf(url: string | undefined): Record<string, string | string[]> {
	const query: Record<string, string | string[]> = {};
	for (const [name, value] of new URL(url ?? '/', 'http://127.0.0.1').searchParams) {
		const seen = query[name];
		query[name] = seen === undefined ? value : [...[seen].flat(), value];
	}
	return query;
}

function recordBody(entry: RecordedRequest, text: string): void {
	if (text === '') return;
	try {
		entry.body = JSON.parse(text);
	} catch {
		entry.rawBody = text;
	}
}

function describeRequest(entry: RecordedRequest): string {
	const extras = [
		entry.keyHint && `key=${entry.keyHint}`,
		entry.error && `error=${entry.error}`,
		entry.fault && `fault=${entry.fault}`,
	].filter(Boolean);
	return [`${entry.method} ${entry.path} -> ${entry.status} ${entry.durationMs}ms`, ...extras].join(
		' ',
	);
}
