/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test-only emulator: a real HTTP server needs node:http */
/**
 * The control plane under `/__emulator/`: what a test or the e2e harness uses to drive and inspect the
 * emulator over HTTP. No API key, but only the developer is served (controlGuard.ts): loopback peers,
 * no Origin, a loopback Host, and the control token on every route but `GET /health`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { refuseStranger, refuseWithoutToken } from './controlGuard';
import type { Emulator } from './emulator';
import { answerWith, readBody, requestPath, sendJson, validationError, type Answer } from './http';
import { dispatch, type Route } from './routing';

export const CONTROL_PREFIX = '/__emulator';

/** What the control plane checks a caller against. */
export interface ControlAccess {
	port: number;
	token: string;
}

export async function serveControl(
	routes: Route[],
	access: ControlAccess,
	req: IncomingMessage,
	res: ServerResponse,
	log: (line: string) => void,
): Promise<void> {
	const method = req.method ?? 'GET';
	const path = requestPath(req);
	const answer = await answerWith(async () => {
		const refusal =
			refuseStranger(req, access.port) ??
			// The health check alone is open: it shows where things are, never a key or a secret.
			(method === 'GET' && path === HEALTH_PATH
				? undefined
				: refuseWithoutToken(req, access.token));
		if (refusal) throw refusal;
		return dispatch(routes, method, path, await readBody(req));
	}, log);
	sendJson(res, answer);
	log(`control ${method} ${req.url} -> ${answer.status}`);
}

export interface ControlUrls {
	baseUrl: string;
	controlUrl: string;
}

const ok = (body: unknown): Answer => ({ status: 200, body });
const HEALTH_PATH = `${CONTROL_PREFIX}/health`;

export function controlRoutes(emulator: Emulator, urls: ControlUrls): Route[] {
	const listed = <T>(name: string, items: T[]) => ok({ [name]: items, total: items.length });
	return [
		{
			method: 'GET',
			pattern: HEALTH_PATH,
			handle: () =>
				ok({
					status: 'ok',
					...urls,
					webhooks: emulator.store.list().length,
					pendingFaults: emulator.faults.pending(),
				}),
		},
		{
			method: 'GET',
			pattern: `${CONTROL_PREFIX}/webhooks`,
			// Secrets included: a test needs them to check signatures.
			handle: () => listed('webhooks', emulator.store.list()),
		},
		{
			method: 'GET',
			pattern: `${CONTROL_PREFIX}/deliveries`,
			handle: () => listed('deliveries', emulator.deliverer.history()),
		},
		{
			method: 'GET',
			pattern: `${CONTROL_PREFIX}/requests`,
			handle: () => listed('requests', emulator.requests()),
		},
		{
			method: 'POST',
			pattern: `${CONTROL_PREFIX}/emit`,
			handle: async (call) => {
				const { event, payload } = call.json();
				if (payload !== undefined && (payload === null || typeof payload !== 'object')) {
					throw validationError('payload must be a JSON object');
				}
				return ok(await emulator.emit(event as string, payload as object | undefined));
			},
		},
		{
			method: 'POST',
			pattern: `${CONTROL_PREFIX}/faults`,
			handle: (call) => {
				const fault = emulator.faults.add(call.json());
				return {
					status: 201,
					body: { message: 'Fault armed', fault, pendingFaults: emulator.faults.pending() },
				};
			},
		},
		{
			method: 'POST',
			pattern: `${CONTROL_PREFIX}/reset`,
			handle: () => {
				emulator.reset();
				return ok({ message: 'Emulator reset' });
			},
		},
	];
}
