/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test-only emulator: a real HTTP server needs node:http */
/**
 * Who may use the control plane: the developer on this machine, not a web page in their browser.
 * A browser always sends `Origin` on the requests a page can make with a body, and a page reached
 * through DNS rebinding sends its own host name in `Host`; both are refused. Everything but the health
 * check also needs the token printed at start, so a page that guesses the port still learns nothing.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { ApiError } from './http';

export const CONTROL_TOKEN_HEADER = 'x-emulator-token';

/** 32 random bytes in base64url: 43 characters, safe in a shell and a header. */
export function generateControlToken(): string {
	return randomBytes(32).toString('base64url');
}

/** 127.0.0.0/8 and ::1, also in their IPv4-mapped IPv6 spelling. */
export function isLoopback(address: string | undefined): boolean {
	if (!address) return false;
	const ipv4 = address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
	return ipv4.startsWith('127.') || address === '::1';
}

/** The refusal for a caller that is not the developer's own tool, or undefined when it may go on. */
export function refuseStranger(req: IncomingMessage, port: number): ApiError | undefined {
	if (!isLoopback(req.socket.remoteAddress)) {
		return forbidden('The emulator control plane answers loopback clients only');
	}
	if (req.headers.origin !== undefined) {
		return forbidden(
			'The emulator control plane refuses requests from web pages (they carry an Origin header)',
		);
	}
	const host = (req.headers.host ?? '').toLowerCase();
	if (![`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`].includes(host)) {
		return forbidden(
			`The emulator control plane answers only Host 127.0.0.1:${port}, localhost:${port} or [::1]:${port}`,
		);
	}
	return undefined;
}

/** The refusal for a request without the control token, or undefined when it carries it. */
export function refuseWithoutToken(req: IncomingMessage, token: string): ApiError | undefined {
	const bearer = /^Bearer (\S+)$/.exec(req.headers.authorization?.trim() ?? '')?.[1];
	const custom = req.headers[CONTROL_TOKEN_HEADER];
	const given = bearer ?? (typeof custom === 'string' ? custom.trim() : undefined);
	if (given !== undefined && sameText(given, token)) return undefined;
	return new ApiError(
		401,
		'unauthorized',
		'The emulator control plane needs the control token printed at start (KAKIYO_CONTROL_TOKEN): ' +
			`send 'Authorization: Bearer <token>' or 'X-Emulator-Token: <token>'`,
	);
}

function sameText(given: string, expected: string): boolean {
	const a = Buffer.from(given);
	const b = Buffer.from(expected);
	return a.length === b.length && timingSafeEqual(a, b);
}

function forbidden(message: string): ApiError {
	return new ApiError(403, 'forbidden', message);
}
