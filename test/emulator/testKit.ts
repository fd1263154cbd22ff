/**
 * What the emulator's contract tests share: a plain HTTP client, and a signature check of what a
 * receiver (the recording ScriptedServer) got. Neither uses emulator code, so the tests check the
 * emulator from outside.
 */
import { randomBytes } from 'node:crypto';
import { request, type Dispatcher } from 'undici';
import type { ScriptedServer } from '../support/scriptedServer';
import { kakiyoDigest } from '../support/signature';

export interface Reply<T> {
	status: number;
	contentType: string;
	text: string;
	/** The parsed body; undefined when it is not JSON. */
	json: T;
	/** The response headers, names in lower case. */
	headers: Dispatcher.ResponseData['headers'];
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
	return { status: response.statusCode, contentType, text, json, headers: response.headers };
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

/**
 * The payloads a receiver got, each checked against its `X-Kakiyo-Signature` (sha256=<hex> or <hex>)
 * with an HMAC computed here, independently of the emulator. Throws on a missing or wrong signature.
 */
export function signedPayloads(receiver: ScriptedServer, secret: string): Loose[] {
	return receiver.calls.map(({ raw, headers, url }) => {
		const expected = kakiyoDigest(secret, raw);
		const header = String(headers['x-kakiyo-signature'] ?? '');
		if (header.replace(/^sha256=/, '') !== expected) {
			throw new Error(`delivery to ${url} has signature '${header}', not ${expected}`);
		}
		return JSON.parse(raw.toString('utf8'));
	});
}
