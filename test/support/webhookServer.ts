/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test-only: a real loopback HTTP server stands in for n8n's webhook endpoint */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { INodeExecutionData, IWebhookResponseData } from 'n8n-workflow';
import type { TestWorkflow } from './n8nRuntime';

/** What n8n did with one request: the HTTP answer and, when the workflow started, its items. */
export interface WebhookCall {
	status: number;
	body: string;
	workflowData?: INodeExecutionData[][];
}

type ExpressLikeRequest = IncomingMessage & {
	rawBody?: Buffer;
	readRawBody(): Promise<void>;
	body: unknown;
	query: Record<string, string>;
	params: Record<string, string>;
	header(name: string): string | undefined;
};

type ExpressLikeResponse = ServerResponse & {
	status(code: number): ExpressLikeResponse;
	send(body?: unknown): ExpressLikeResponse;
	json(body: unknown): ExpressLikeResponse;
};

function readBody(request: IncomingMessage): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => resolve(Buffer.concat(chunks)));
		request.on('error', reject);
	});
}

function expressResponse(response: ServerResponse): ExpressLikeResponse {
	const res = response as ExpressLikeResponse;
	res.status = (code) => {
		res.statusCode = code;
		return res;
	};
	res.send = (body) => {
		if (body !== undefined && typeof body !== 'string' && !Buffer.isBuffer(body))
			return res.json(body);
		res.end(body);
		return res;
	};
	res.json = (body) => {
		res.setHeader('content-type', 'application/json');
		res.end(JSON.stringify(body));
		return res;
	};
	return res;
}

/** The content types n8n parses for a start node's version 2 and later (`isParsableContentType`). */
function parsable(contentType: string | undefined): boolean {
	if (!contentType) return false;
	return (
		contentType.startsWith('application/json') ||
		contentType.startsWith('text/plain') ||
		contentType.startsWith('application/x-www-form-urlencoded') ||
		contentType.endsWith('/xml') ||
		contentType.endsWith('+xml')
	);
}

/**
 * A loopback HTTP server that plays n8n's webhook endpoint for one workflow: it reads the raw body
 * as n8n's body parser does (`req.rawBody` holds the exact bytes; JSON goes to `req.body`, and an
 * unparsable JSON body is refused with 422 before the node sees it), runs the node's `webhook()` in
 * n8n-core's real WebhookContext, and answers the way n8n does for `responseMode: 'onReceived'`.
 */
export class WebhookServer {
	readonly calls: WebhookCall[] = [];
	private server?: Server;
	private workflow?: TestWorkflow;
	baseUrl = '';

	async start(): Promise<this> {
		this.server = createServer((request, response) => {
			void this.handle(request, expressResponse(response));
		});
		await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
		this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/webhook`;
		return this;
	}

	/** The workflow whose trigger answers requests. */
	serve(workflow: TestWorkflow): void {
		this.workflow = workflow;
	}

	/** The calls that started the workflow. */
	executions(): INodeExecutionData[][][] {
		return this.calls.flatMap((call) => (call.workflowData ? [call.workflowData] : []));
	}

	async close(): Promise<void> {
		await new Promise<void>((resolve) => {
			this.server?.closeAllConnections();
			this.server?.close(() => resolve());
		});
	}

	private async handle(request: IncomingMessage, response: ExpressLikeResponse): Promise<void> {
		const call: WebhookCall = { status: 0, body: '' };
		const originalEnd = response.end.bind(response);
		response.end = ((chunk?: unknown, ...rest: unknown[]) => {
			// Nodes may call end() after send(); the first end is the answer.
			if (!response.writableEnded) {
				call.status = response.statusCode;
				call.body = chunk === undefined ? '' : String(chunk);
			}
			return (originalEnd as (...args: unknown[]) => ServerResponse)(chunk, ...rest);
		}) as typeof response.end;
		this.calls.push(call);

		const req = request as ExpressLikeRequest;
		req.readRawBody = async () => {
			req.rawBody ??= await readBody(request);
		};
		// From a start node's version 2 on, n8n reads the body only for the content types it parses
		// (webhook-helpers' parseRequestBody); the node must call readRawBody() for any other.
		const version = this.workflow?.node.typeVersion ?? 1;
		if (version === 1 || parsable(request.headers['content-type'])) await req.readRawBody();
		const rawBody = req.rawBody ?? Buffer.alloc(0);
		req.query = {};
		req.params = {};
		req.header = (name) => {
			const value = request.headers[name.toLowerCase()];
			return Array.isArray(value) ? value.join(', ') : value;
		};
		req.body = {};
		if ((request.headers['content-type'] ?? '').includes('application/json') && rawBody.length) {
			try {
				req.body = JSON.parse(rawBody.toString('utf8'));
			} catch {
				response.status(422).json({ code: 422, message: 'Failed to parse request body' });
				return;
			}
		}

		const workflow = this.workflow;
		if (!workflow || !workflow.setup.nodeType.webhook) {
			response.status(404).json({ code: 404, message: 'The requested webhook is not registered.' });
			return;
		}
		let result: IWebhookResponseData;
		try {
			result = await workflow.setup.nodeType.webhook.call(workflow.webhookContext(req, response));
		} catch (error) {
			// n8n answers a throwing webhook() with 500 and records a failed execution.
			response.status(500).json({ code: 0, message: (error as Error).message });
			return;
		}
		if (result.workflowData) call.workflowData = result.workflowData;
		if (result.noWebhookResponse) return;
		const description = workflow.setup.nodeType.description.webhooks?.[0];
		const status = Number(description?.responseCode ?? 200);
		if (result.webhookResponse !== undefined) {
			response.status(status).send(result.webhookResponse);
		} else if (result.workflowData) {
			response.status(status).json({ message: 'Workflow was started' });
		} else {
			response.status(200).json({ message: 'Webhook call received' });
		}
	}
}
