/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test-only: a loopback HTTP server standing in for OpenAI */
import { randomUUID } from 'node:crypto';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

interface ChatTool {
	function: {
		name: string;
		parameters?: { properties?: Record<string, { type?: string }>; required?: string[] };
	};
}

/** The part of an OpenAI chat completion request the stand-in reads. */
export interface ChatRequest {
	stream?: boolean;
	tools?: ChatTool[];
	messages: Array<{ role: string; content?: unknown }>;
}

/**
 * OpenAI's chat completions API as an n8n AI Agent uses it, scripted for one tool round: the first
 * request gets a call of the first tool it offers (with a string for each required argument), the
 * request that carries that tool's result gets `finalAnswer`. It answers as a stream or as one JSON
 * object, whichever the request asks for (n8n's OpenAI chat model streams from some release on).
 */
export class OpenAiStandIn {
	readonly requests: ChatRequest[] = [];

	baseUrl = '';

	private server?: Server;

	constructor(private readonly finalAnswer: string) {}

	async start(): Promise<this> {
		this.server = createServer((request, response) => {
			const chunks: Buffer[] = [];
			request.on('data', (chunk: Buffer) => chunks.push(chunk));
			request.on('end', () => {
				if (request.method !== 'POST' || !request.url?.endsWith('/chat/completions')) {
					response.writeHead(404).end();
					return;
				}
				const chat = JSON.parse(Buffer.concat(chunks).toString('utf8')) as ChatRequest;
				this.requests.push(chat);
				this.answer(chat, response);
			});
		});
		await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
		this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1`;
		return this;
	}

	async close(): Promise<void> {
		await new Promise<void>((resolve) => {
			this.server?.closeAllConnections();
			this.server?.close(() => resolve());
		});
	}

	private answer(chat: ChatRequest, response: ServerResponse): void {
		const tool = chat.tools?.[0]?.function;
		const call =
			tool && !chat.messages.some((message) => message.role === 'tool')
				? {
						id: `call_${randomUUID().slice(0, 8)}`,
						type: 'function',
						function: { name: tool.name, arguments: JSON.stringify(argumentsFor(tool)) },
					}
				: undefined;
		const message = call ? { content: null, tool_calls: [call] } : { content: this.finalAnswer };
		const finishReason = call ? 'tool_calls' : 'stop';
		const envelope = {
			id: `chatcmpl-${randomUUID()}`,
			created: Math.floor(Date.now() / 1000),
			model: 'gpt-4o-mini',
		};
		const usage = { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 };
		if (!chat.stream) {
			response.writeHead(200, { 'content-type': 'application/json' });
			response.end(
				JSON.stringify({
					...envelope,
					object: 'chat.completion',
					choices: [
						{ index: 0, message: { role: 'assistant', ...message }, finish_reason: finishReason },
					],
					usage,
				}),
			);
			return;
		}
		// A stream sends the message as one delta; tool calls in a delta carry their index.
		const delta = call ? { content: null, tool_calls: [{ index: 0, ...call }] } : message;
		const events = [
			{ choices: [{ index: 0, delta: { role: 'assistant', ...delta }, finish_reason: null }] },
			{ choices: [{ index: 0, delta: {}, finish_reason: finishReason }] },
			{ choices: [], usage },
		];
		response.writeHead(200, { 'content-type': 'text/event-stream' });
		for (const event of events)
			response.write(
				`data: ${JSON.stringify({ ...envelope, object: 'chat.completion.chunk', ...event })}\n\n`,
			);
		response.end('data: [DONE]\n\n');
	}
}

/** A value for every required argument of the tool (n8n's tools take strings or nothing). */
function argumentsFor(tool: ChatTool['function']): Record<string, string> {
	const required = tool.parameters?.required ?? [];
	return Object.fromEntries(required.map((name) => [name, 'go']));
}
