/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- test-only: a real loopback HTTP server with scripted answers */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sendOversized, type OversizedAnswer } from '../emulator/oversized';

export interface RecordedCall {
	method: string;
	url: string;
	headers: IncomingHttpHeaders;
	body: string;
	/** The body's bytes exactly as received, for signature checks. */
	raw: Buffer;
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
	/** Never answer (until the server closes). */
	hang?: boolean;
	/** Answer 200 at once, then send one space of the body every this many milliseconds, never ending. */
	dripEveryMs?: number;
	/** Answer `status` (200) with JSON of this size once decompressed, sent compressed. */
	oversized?: OversizedAnswer;
}

type BodyOf = (call: RecordedCall) => unknown;

/**
 * The one recording test server: a loopback HTTP server that answers from a script, one answer per
 * request (the last answer repeats), and records every request with its exact bytes. Client tests
 * script Kakiyo's answers (429, 503, then 200); emulator tests receive its webhook deliveries.
 */
export class ScriptedServer {
	readonly calls: RecordedCall[] = [];
	private script: ScriptedAnswer[] = [{ status: 200, body: {} }];
	private server?: Server;
	private readonly startedAt = Date.now();
	/** `http://127.0.0.1:<port>`, once started. */
	origin = '';
	/** The origin with Kakiyo's `/v1`, for a client's base URL. */
	baseUrl = '';

	async start(): Promise<this> {
		this.server = createServer((request, response) => {
			const chunks: Buffer[] = [];
			request.on('data', (chunk: Buffer) => chunks.push(chunk));
			request.on('end', () => {
				const raw = Buffer.concat(chunks);
				const call: RecordedCall = {
					method: request.method ?? '',
					url: request.url ?? '',
					headers: request.headers,
					body: raw.toString('utf8'),
					raw,
					at: Date.now() - this.startedAt,
				};
				this.calls.push(call);
				const answer = this.script.length > 1 ? this.script.shift()! : this.script[0];
				const respond = () => {
					if (answer.drop) {
						request.socket.destroy();
						return;
					}
					if (answer.hang) return;
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
		this.origin = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
		this.baseUrl = `${this.origin}/v1`;
		return this;
	}

	/** An address on this server, e.g. `url('/hook')` for a webhook receiver. */
	url(path: string): string {
		return `${this.origin}${path}`;
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

/** A started server answering from this script (by default 200 `{}` to everything). */
export async function startScriptedServer(...script: ScriptedAnswer[]): Promise<ScriptedServer> {
	const server = await new ScriptedServer().start();
	if (script.length > 0) server.answer(...script);
	return server;
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
