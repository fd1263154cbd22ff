/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test-only: a webhook receiver needs node:http */
/**
 * What the emulator's contract tests share: a plain HTTP client and an independent webhook receiver that
 * keeps the exact bytes it was sent. Neither uses emulator code, so the tests check the emulator from outside.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { request } from 'undici';
import { kakiyoDigest } from '../support/signature';

export interface Reply<T> {
	status: number;
	contentType: string;
	text: string;
	/** The parsed body; undefined when it is not JSON. */
	json: T;
}

export interface CallOptions {
	method?: string;
	/** Sent as `Authorization: Bearer <key>`. */
	key?: string;
	/** Sent as JSON; a string is sent as-is (for broken bodies). */
	body?: unknown;
	headers?: Record<string, string>;
}

// Loose on purpose: a test states the shape it expects with toEqual/toMatchObject.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

export async function call<T = Loose>(url: string, options: CallOptions = {}): Promise<Reply<T>> {
	const headers: Record<string, string> = { ...options.headers };
	if (options.key !== undefined) headers.authorization = `Bearer ${options.key}`;
	let body: string | undefined;
	if (options.body !== undefined) {
		body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
		headers['content-type'] ??= 'application/json';
	}
	const response = await request(url, { method: options.method ?? 'GET', headers, body });
	const text = await response.body.text();
	let json: T;
	try {
		json = JSON.parse(text) as T;
	} catch {
		json = undefined as T;
	}
	const contentType = String(response.headers['content-type'] ?? '');
	return { status: response.statusCode, contentType, text, json };
}

/** A fresh API key of the real format (40 characters of base64url). */
export function newApiKey(): string {
	return randomBytes(30).toString('base64url');
}

/** An ISO 8601 time as the emulator writes it: `2025-07-15T10:30:00.000Z`. */
export const ISO_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+Z$/;

/** What the clients need of a running emulator (structural, so this kit imports no emulator code). */
export interface Reachable {
	baseUrl: string;
	apiKey: string;
	controlUrl: string;
	controlToken: string;
}

/** The API client (with the emulator's key) and the control client (with its token). */
export function clientsOf(emulator: () => Reachable) {
	return {
		api: apiClient(
			() => emulator().baseUrl,
			() => emulator().apiKey,
		),
		control: controlClient(
			() => emulator().controlUrl,
			() => emulator().controlToken,
		),
	};
}

/** A client bound to one API key: `api('/agents')`, `api('/agents', { method: 'POST' })`. */
export function apiClient(baseUrl: () => string, key: () => string) {
	return <T = Loose>(path: string, options: CallOptions = {}) =>
		call<T>(`${baseUrl()}${path}`, { ...options, key: options.key ?? key() });
}

/** A client for the control plane that sends the control token. */
export function controlClient(controlUrl: () => string, token: () => string) {
	return <T = Loose>(path: string, options: CallOptions = {}) =>
		call<T>(`${controlUrl()}${path}`, {
			...options,
			headers: { 'x-emulator-token': token(), ...options.headers },
		});
}

export interface Received {
	path: string;
	headers: IncomingHttpHeaders;
	/** The raw body bytes, as received. */
	raw: Buffer;
	/** performance.now() when the request arrived. */
	at: number;
}

export interface Receiver {
	url: string;
	received: Received[];
	close(): Promise<void>;
}

/** What the receiver does with its n-th request (0-based): answer with a status, or never answer. */
export type Behaviour = (index: number) => number | 'hang';

export async function startReceiver(behaviour: Behaviour = () => 200): Promise<Receiver> {
	const received: Received[] = [];
	const server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const index = received.length;
			received.push({
				path: req.url ?? '',
				headers: req.headers,
				raw: Buffer.concat(chunks),
				at: performance.now(),
			});
			const status = behaviour(index);
			if (status !== 'hang') res.writeHead(status, { 'Content-Type': 'text/plain' }).end('ok');
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}/hook`,
		received,
		close: () =>
			new Promise((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			}),
	};
}

/**
 * The payloads a receiver got, each checked against its `X-Kakiyo-Signature` (sha256=<hex> or <hex>)
 * with an HMAC computed here, independently of the emulator. Throws on a missing or wrong signature.
 */
export function signedPayloads(receiver: Receiver, secret: string): Loose[] {
	return receiver.received.map(({ raw, headers }) => {
		const expected = kakiyoDigest(secret, raw);
		const header = String(headers['x-kakiyo-signature'] ?? '');
		if (header.replace(/^sha256=/, '') !== expected) {
			throw new Error(`delivery to ${receiver.url} has signature '${header}', not ${expected}`);
		}
		return JSON.parse(raw.toString('utf8'));
	});
}
