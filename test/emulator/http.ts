/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test-only emulator: a real HTTP server needs node:http */
/** Small HTTP helpers shared by the API and the control plane: errors, JSON answers, request bodies. */
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * An answer in Kakiyo's error shape `{error, message}` (plus documented extras such as `currentStatus`);
 * thrown by handlers, written by the server.
 */
export class ApiError extends Error {
	constructor(
		readonly status: number,
		readonly code: string,
		message: string,
		readonly extra: Record<string, unknown> = {},
		/** Response headers besides Content-Type and Content-Length (a 429's Retry-After). */
		readonly headers: Record<string, string> = {},
	) {
		super(message);
	}

	get body(): Record<string, unknown> & { error: string; message: string } {
		return { error: this.code, message: this.message, ...this.extra };
	}
}

export function validationError(message: string): ApiError {
	return new ApiError(400, 'validation_error', message);
}

export function notFound(message: string): ApiError {
	return new ApiError(404, 'not_found', message);
}

/** A state conflict: Kakiyo does not document the status of these codes; the emulator uses 409 (I). */
export function conflict(code: string, message: string, extra?: Record<string, unknown>): ApiError {
	return new ApiError(409, code, message, extra);
}

export const ok = (body: unknown): Answer => ({ status: 200, body });

export const created = (body: unknown): Answer => ({ status: 201, body });

/** The path without its query string or a trailing slash (which Express-style routers ignore too). */
export function requestPath(req: IncomingMessage): string {
	const { pathname } = new URL(req.url ?? '/', 'http://127.0.0.1');
	return pathname.replace(/(.)\/+$/, '$1');
}

export interface Answer {
	status: number;
	body: unknown;
	headers?: Record<string, string>;
}

export function sendJson(
	res: ServerResponse,
	answer: Answer,
	headers: Record<string, string> = {},
): void {
	const text = JSON.stringify(answer.body);
	res.writeHead(answer.status, {
		...answer.headers,
		'Content-Type': 'application/json; charset=utf-8',
		'Content-Length': Buffer.byteLength(text),
		...headers,
	});
	res.end(text);
}

/** Runs one handler, turning any error into Kakiyo's `{error, message}` answer. */
export async function answerWith(
	work: () => Answer | Promise<Answer>,
	log: (line: string) => void,
): Promise<Answer> {
	try {
		return await work();
	} catch (error) {
		if (error instanceof ApiError) {
			return { status: error.status, body: error.body, headers: error.headers };
		}
		log(`internal error: ${(error as Error).stack ?? String(error)}`);
		return { status: 500, body: { error: 'internal_error', message: 'Internal server error' } };
	}
}

const MAX_BODY_BYTES = 1024 * 1024;

export async function readBody(req: IncomingMessage): Promise<string> {
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of req) {
		size += (chunk as Buffer).length;
		if (size > MAX_BODY_BYTES) throw validationError('Request body is larger than 1 MiB');
		chunks.push(chunk as Buffer);
	}
	return Buffer.concat(chunks).toString('utf8');
}

/** Parses a JSON object body, or fails the way an API validation layer would. */
export function parseJsonObject(text: string): Record<string, unknown> {
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		throw validationError('Request body must be valid JSON');
	}
	if (value === null || typeof value !== 'object' || Array.isArray(value)) {
		throw validationError('Request body must be a JSON object');
	}
	return value as Record<string, unknown>;
}
