/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test-only emulator: a real HTTP server needs node:http */
/**
 * One `/v1` call, in the order the real service would meet it: an injected fault (an outage in front of
 * the API), then the key, the rate limit and the route. Every call is recorded and logged on one line.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
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
import { dispatch, findRoute } from './routing';
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
		status: 0,
		durationMs: 0,
	};
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
		entry.error = (answer.body as { error?: string }).error;
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
	const body = await readBody(req);
	if (!/^\/v1(\/|$)/.test(path)) throw notFound(`No route for ${method} ${path}`);
	const auth = authenticate(req.headers.authorization, emulator.settings.keys);
	entry.auth = auth.outcome;
	if (auth.key) entry.keyHint = keyHint(auth.key);
	if (auth.error) throw auth.error;
	// Limits count per route pattern, so /webhooks/a and /webhooks/b share one allowance.
	const endpoint = `${method} ${findRoute(emulator.routes, method, path)?.route.pattern ?? path}`;
	const decision = emulator.limiter.take(auth.key, endpoint);
	if (!decision.allowed) {
		throw new ApiError(
			429,
			'rate_limit_exceeded',
			`Rate limit exceeded: ${String(emulator.settings.rateLimitPerMinute)} requests per minute ` +
				`for ${endpoint}. Try again in ${decision.retryAfterSeconds} seconds.`,
		);
	}
	return dispatch(emulator.routes, method, path, body);
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
