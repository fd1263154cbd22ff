/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test-only emulator: a real HTTP server needs node:http */
/**
 * The control plane under `/__emulator/`: what a test or the e2e harness uses to drive and inspect the
 * emulator over HTTP. No API key (it is a test tool), but only loopback peers are served.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Emulator } from './emulator';
import {
	ApiError,
	answerWith,
	readBody,
	requestPath,
	sendJson,
	validationError,
	type Answer,
} from './http';
import { dispatch, type Route } from './routing';

export const CONTROL_PREFIX = '/__emulator';

/** 127.0.0.0/8 and ::1, also in their IPv4-mapped IPv6 spelling. */
export function isLoopback(address: string | undefined): boolean {
	if (!address) return false;
	const ipv4 = address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
	return ipv4.startsWith('127.') || address === '::1';
}

export async function serveControl(
	routes: Route[],
	req: IncomingMessage,
	res: ServerResponse,
	log: (line: string) => void,
): Promise<void> {
	const method = req.method ?? 'GET';
	const path = requestPath(req);
	const answer = await answerWith(async () => {
		if (!isLoopback(req.socket.remoteAddress)) {
			throw new ApiError(
				403,
				'forbidden',
				'The emulator control plane answers loopback clients only',
			);
		}
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

export function controlRoutes(emulator: Emulator, urls: ControlUrls): Route[] {
	const listed = <T>(name: string, items: T[]) => ok({ [name]: items, total: items.length });
	return [
		{
			method: 'GET',
			pattern: `${CONTROL_PREFIX}/health`,
			handle: () =>
				ok({
					status: 'ok',
					...urls,
					apiKey: emulator.settings.apiKey,
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
