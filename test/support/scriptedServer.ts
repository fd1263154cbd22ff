/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- test-only: a real loopback HTTP server with scripted answers */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sendOversized, type OversizedAnswer } from '../emulator/oversized';

export interface RecordedCall {
	method: string;
	url: string;
	headers: IncomingHttpHeaders;
	body: string;
	/** Milliseconds since the server started, to check backoff spacing. */
	at: number;
}

export interface ScriptedAnswer {
	status?: number;
	/** Sent as JSON, a string as it is; a function makes the body from the request it answers. */
	body?: unknown;
	headers?: Record<string, string>;
	/** Answer after this many milliseconds. */
	delayMs?: number;
	/** Destroy the connection without answering. */
	drop?: boolean;
	/** Answer 200 at once, then send one space of the body every this many milliseconds, never ending. */
	dripEveryMs?: number;
	/** Answer `status` (200) with JSON of this size once decompressed, sent compressed. */
	oversized?: OversizedAnswer;
}

type BodyOf = (call: RecordedCall) => unknown;

/**
 * A loopback HTTP server that answers from a script, one answer per request (the last answer repeats),
 * and records every request: for client tests that need exact sequences such as 429, 503, then 200.
 */
export class ScriptedServer {
	readonly calls: RecordedCall[] = [];
	private script: ScriptedAnswer[] = [{ status: 200, body: {} }];
	private server?: Server;
	private readonly startedAt = Date.now();
	baseUrl = '';

	async start(): Promise<this> {
		this.server = createServer((request, response) => {
			const chunks: Buffer[] = [];
			request.on('data', (chunk: Buffer) => chunks.push(chunk));
			request.on('end', () => {
				const call: RecordedCall = {
					method: request.method ?? '',
					url: request.url ?? '',
					headers: request.headers,
					body: Buffer.concat(chunks).toString('utf8'),
					at: Date.now() - this.startedAt,
				};
				this.calls.push(call);
				const answer = this.script.length > 1 ? this.script.shift()! : this.script[0];
				const respond = () => {
					if (answer.drop) {
						request.socket.destroy();
						return;
					}
					if (answer.dripEveryMs) {
						response.writeHead(200, { 'content-type': 'application/json' });
						const drip = setInterval(() => response.write(' '), answer.dripEveryMs);
						response.on('close', () => clearInterval(drip));
						return;
					}
					if (answer.oversized) {
						sendOversized(response, answer.status ?? 200, answer.oversized);
						return;
					}
					const made: unknown =
						typeof answer.body === 'function' ? (answer.body as BodyOf)(call) : answer.body;
					const body = typeof made === 'string' ? made : JSON.stringify(made ?? {});
					response.writeHead(answer.status ?? 200, {
						'content-type': typeof made === 'string' ? 'text/html' : 'application/json',
						...answer.headers,
					});
					response.end(body);
				};
				if (answer.delayMs) setTimeout(respond, answer.delayMs);
				else respond();
			});
		});
		await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
		this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1`;
		return this;
	}

	/** Sets the answers for the next requests; the last one keeps answering. */
	answer(...script: ScriptedAnswer[]): void {
		this.script = script;
		this.calls.length = 0;
	}

	async close(): Promise<void> {
		await new Promise<void>((resolve) => {
			this.server?.closeAllConnections();
			this.server?.close(() => resolve());
		});
	}
}

/** A scripted server that is up for the whole test file (started before all tests, closed after). */
export function scriptedServerForThisFile(): ScriptedServer {
	const server = new ScriptedServer();
	beforeAll(async () => {
		await server.start();
	});
	afterAll(async () => {
		await server.close();
	});
	return server;
}
