/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test-only emulator: a real HTTP server needs node:http */
/**
 * The control plane under `/__emulator/`: what a test or the e2e harness uses to drive and inspect the
 * emulator over HTTP. No API key, but only the developer is served (controlGuard.ts): loopback peers,
 * no Origin, a loopback Host, and the control token on every route but `GET /health`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { refuseStranger, refuseWithoutToken } from './controlGuard';
import type { Emulator } from './emulator';
import { answerWith, created, ok, readBody, requestPath, sendJson, validationError } from './http';
import { callOf, dispatch, type Route } from './routing';

export const CONTROL_PREFIX = '/__emulator';

/** What the control plane checks a caller against. */
export interface ControlAccess {
	port: number;
	token: string;
}

const HEALTH_PATH = `${CONTROL_PREFIX}/health`;

export async function serveControl(
	routes: Route[],
	access: ControlAccess,
	emulator: Emulator,
	req: IncomingMessage,
	res: ServerResponse,
): Promise<void> {
	const method = req.method ?? 'GET';
	const path = requestPath(req);
	const { log } = emulator.settings;
	const answer = await answerWith(async () => {
		const refusal =
			refuseStranger(req, access.port) ??
			// The health check alone is open: it shows where things are, never a key or a secret.
			(method === 'GET' && path === HEALTH_PATH
				? undefined
				: refuseWithoutToken(req, access.token));
		if (refusal) throw refusal;
		const body = await readBody(req);
		emulator.settle();
		try {
			return await dispatch(routes, method, path, callOf(req.url, body));
		} finally {
			emulator.world.save();
		}
	}, log);
	sendJson(res, answer);
	log(`control ${method} ${req.url} -> ${answer.status}`);
}

export interface ControlUrls {
	baseUrl: string;
	controlUrl: string;
}

export function controlRoutes(emulator: Emulator, urls: ControlUrls): Route[] {
	const listed = <T>(name: string, items: T[]) => ok({ [name]: items, total: items.length });
	const { world } = emulator;
	const route = (method: string, path: string, handle: Route['handle']): Route => ({
		method,
		pattern: `${CONTROL_PREFIX}${path}`,
		handle,
	});
	return [
		route('GET', '/health', () =>
			ok({
				status: 'ok',
				...urls,
				webhooks: world.webhooks(world.main).list().length,
				pendingFaults: emulator.faults.pending(),
			}),
		),
		// Secrets included: a test needs them to check signatures.
		route('GET', '/webhooks', () => listed('webhooks', world.webhooks(world.main).list())),
		route('GET', '/deliveries', () => listed('deliveries', emulator.deliverer.history())),
		route('GET', '/requests', () => listed('requests', emulator.requests())),
		route('DELETE', '/requests', () => {
			emulator.clearRequests();
			return ok({ message: 'Request log cleared' });
		}),
		route('GET', '/state', () => ok(world.snapshot())),
		route('GET', '/credits', () => ok({ credits: world.main.credits })),
		route('POST', '/emit', async (call) => {
			const { event, payload } = call.json();
			if (payload !== undefined && (payload === null || typeof payload !== 'object')) {
				throw validationError('payload must be a JSON object');
			}
			return ok(await emulator.emit(event as string, payload as object | undefined));
		}),
		route('POST', '/chats/:chatId/reply', async (call) =>
			ok(await emulator.reply(call.params.chatId, call.json().message)),
		),
		route('POST', '/chats/:chatId/accept', async ({ params }) =>
			ok(await emulator.acceptInvitation(params.chatId)),
		),
		route('POST', '/agents/:id/status', (call) => {
			const { status } = call.json();
			emulator.setAgentStatus(call.params.id, status);
			return ok({ id: call.params.id, status });
		}),
		route('POST', '/campaigns/:id/status', (call) => {
			const { status } = call.json();
			emulator.setCampaignStatus(call.params.id, status);
			return ok({ id: call.params.id, status });
		}),
		route('POST', '/faults', (call) => {
			const fault = emulator.faults.add(call.json());
			return created({ message: 'Fault armed', fault, pendingFaults: emulator.faults.pending() });
		}),
		route('POST', '/reset', () => {
			emulator.reset();
			return ok({ message: 'Emulator reset' });
		}),
	];
}
