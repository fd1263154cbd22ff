/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test-only emulator: a real HTTP server needs node:http */
/**
 * The HTTP face of the emulator on 127.0.0.1: `/__emulator/` calls go to the control plane (control.ts),
 * everything else through the API's request pipeline (requestPipeline.ts). Also start and shutdown.
 */
import { setMaxListeners } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CONTROL_PREFIX, controlRoutes, serveControl, type ControlAccess } from './control';
import { generateControlToken } from './controlGuard';
import { Emulator } from './emulator';
import { requestPath } from './http';
import { serveApi } from './requestPipeline';
import type { Route } from './routing';
import type { EmulatorOptions, RunningEmulator } from './types';

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
	const emulator = new Emulator(options);
	const { log } = emulator.settings;
	const closing = new AbortController();
	// Every call slowed by latencyMs or a fault's delay waits on it, many at once under load.
	setMaxListeners(0, closing.signal);
	let control: Route[] = [];
	const access: ControlAccess = { port: 0, token: generateControlToken() };

	const server = createServer((req, res) => {
		const path = requestPath(req);
		const isControl = path === CONTROL_PREFIX || path.startsWith(`${CONTROL_PREFIX}/`);
		const serve = isControl
			? serveControl(control, access, emulator, req, res)
			: serveApi(emulator, req, res, closing.signal);
		// Handlers turn errors into answers; this only catches a failure to write one (a vanished socket).
		serve.catch((error: Error) =>
			log(`could not answer ${req.method} ${req.url}: ${error.message}`),
		);
	});

	// Nothing else holds resources yet (the delivery pool opens on the first delivery), so a failed
	// listen (port taken) needs no cleanup.
	await listen(server, emulator.settings.port);
	const { port } = server.address() as AddressInfo;
	access.port = port;
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
		controlToken: access.token,
		close,
		webhooks: () => emulator.world.webhooks(emulator.world.main).list(),
		deliveries: () => emulator.deliverer.history(),
		requests: () => emulator.requests(),
		clearRequests: () => emulator.clearRequests(),
		emit: (event, payload) => emulator.emit(event, payload),
		injectFault: (fault) => {
			emulator.faults.add(fault);
		},
		reset: () => emulator.reset(),
		idle: () => emulator.deliverer.idle(),
		state: () => {
			emulator.settle();
			return emulator.world.snapshot();
		},
		credits: () => emulator.world.main.credits,
		setAgentStatus: (id, status) => emulator.setAgentStatus(id, status),
		setCampaignStatus: (id, status) => emulator.setCampaignStatus(id, status),
		reply: (chatId, message) => emulator.reply(chatId, message),
		acceptInvitation: (chatId) => emulator.acceptInvitation(chatId),
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
