/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test-only emulator: a real HTTP server needs node:http */
/**
 * The HTTP face of the emulator on 127.0.0.1. API calls go through faults, authentication, the rate
 * limit and the route table, and are recorded; `/__emulator/` calls go to the control plane.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { authenticate, keyHint } from './auth';
import { CONTROL_PREFIX, controlRoutes, isLoopback } from './control';
import { Emulator } from './emulator';
import { applyFault, describeFault } from './faults';
import { ApiError, notFound, parseJsonObject, readBody, sendJson, type Answer } from './http';
import { findRoute, type Route } from './routing';
import type { EmulatorOptions, RecordedRequest, RunningEmulator } from './types';

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
	const emulator = new Emulator(options);
	const { log } = emulator.settings;
	const closing = new AbortController();
	let control: Route[] = [];

	/** Runs one handler, turning any error into Kakiyo's `{error, message}` answer. */
	const answerWith = async (work: () => Promise<Answer>): Promise<Answer> => {
		try {
			return await work();
		} catch (error) {
			if (error instanceof ApiError) return { status: error.status, body: error.body };
			log(`internal error: ${(error as Error).stack ?? String(error)}`);
			return { status: 500, body: { error: 'internal_error', message: 'Internal server error' } };
		}
	};

	const route = (routes: Route[], method: string, path: string, text: string) => {
		const match = findRoute(routes, method, path);
		if (!match) throw notFound(`No route for ${method} ${path}`);
		return match.route.handle({ params: match.params, json: () => parseJsonObject(text) });
	};

	const apiAnswer = async (
		req: IncomingMessage,
		method: string,
		path: string,
		entry: RecordedRequest,
	): Promise<Answer> => {
		const text = await readBody(req);
		if (!path.startsWith('/v1/')) throw notFound(`No route for ${method} ${path}`);
		const auth = authenticate(req.headers.authorization, emulator.settings.keys);
		entry.auth = auth.outcome;
		if (auth.key) entry.keyHint = keyHint(auth.key);
		if (auth.error) throw auth.error;
		const match = findRoute(emulator.routes, method, path);
		const endpoint = `${method} ${match?.route.pattern ?? path}`;
		const decision = emulator.limiter.take(auth.key, endpoint);
		if (!decision.allowed) {
			throw new ApiError(
				429,
				'rate_limit_exceeded',
				`Rate limit exceeded: ${String(emulator.settings.rateLimitPerMinute)} requests per minute ` +
					`for ${endpoint}. Try again in ${decision.retryAfterSeconds} seconds.`,
			);
		}
		return route(emulator.routes, method, path, text);
	};

	const serveApi = async (req: IncomingMessage, res: ServerResponse, path: string) => {
		const method = req.method ?? 'GET';
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
		if (fault && (await applyFault(fault, res, closing.signal))) {
			entry.status = res.headersSent ? res.statusCode : 0; // 0: no answer at all
		} else {
			const answer = await answerWith(() => apiAnswer(req, method, path, entry));
			sendJson(res, answer);
			entry.status = answer.status;
			entry.error = (answer.body as { error?: string }).error;
		}
		entry.durationMs = Date.now() - started;
		emulator.record(entry);
		log(describeRequest(entry));
	};

	const serveControl = async (req: IncomingMessage, res: ServerResponse, path: string) => {
		const method = req.method ?? 'GET';
		const answer = await answerWith(async () => {
			if (!isLoopback(req.socket.remoteAddress)) {
				throw new ApiError(
					403,
					'forbidden',
					'The emulator control plane answers loopback clients only',
				);
			}
			return route(control, method, path, await readBody(req));
		});
		sendJson(res, answer);
		log(`control ${method} ${req.url} -> ${answer.status}`);
	};

	const server = createServer((req, res) => {
		const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
		const isControl = path === CONTROL_PREFIX || path.startsWith(`${CONTROL_PREFIX}/`);
		const serve = isControl ? serveControl(req, res, path) : serveApi(req, res, path);
		// Handlers turn errors into answers; this only catches a failure to write one (a vanished socket).
		serve.catch((error: Error) => log(`could not answer ${req.method} ${req.url}: ${error.message}`));
	});

	// Nothing else holds resources yet (the delivery pool opens on the first delivery), so a failed
	// listen (port taken) needs no cleanup.
	await listen(server, emulator.settings.port);
	const { port } = server.address() as AddressInfo;
	const baseUrl = `http://127.0.0.1:${port}/v1`;
	const controlUrl = `http://127.0.0.1:${port}${CONTROL_PREFIX}`;
	control = controlRoutes(emulator, { baseUrl, controlUrl });

	let closed: Promise<void> | undefined;
	const close = () => {
		closed ??= shutDown(server, emulator, closing);
		return closed;
	};

	return {
		baseUrl,
		controlUrl,
		apiKey: emulator.settings.apiKey,
		close,
		webhooks: () => emulator.store.list(),
		deliveries: () => emulator.deliverer.history(),
		requests: () => emulator.requests(),
		emit: (event, payload) => emulator.emit(event, payload),
		injectFault: (fault) => {
			emulator.faults.add(fault);
		},
		reset: () => emulator.reset(),
		idle: () => emulator.deliverer.idle(),
	};
}

function listen(server: Server, port: number): Promise<void> {
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, '127.0.0.1', () => {
			server.off('error', reject);
			resolve();
		});
	});
}

/** Stops accepting, cancels deliveries (which lets a pending control `emit` answer), then drops every socket. */
async function shutDown(
	server: Server,
	emulator: Emulator,
	closing: AbortController,
): Promise<void> {
	const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
	closing.abort();
	await emulator.deliverer.close();
	server.closeAllConnections();
	await stopped;
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
