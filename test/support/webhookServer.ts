/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test-only: a real loopback HTTP server stands in for n8n's webhook endpoint */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Readable } from 'node:stream';
import { createGunzip, createInflate } from 'node:zlib';
import type { INodeExecutionData, IWebhookResponseData, WorkflowExecuteMode } from 'n8n-workflow';
import type { TestWorkflow } from './n8nRuntime';

/** What n8n did with one request: the HTTP answer and, when the workflow started, its items. */
export interface WebhookCall {
	status: number;
	body: string;
	workflowData?: INodeExecutionData[][];
	/** What `webhook()` threw: n8n then starts an execution that fails with it. */
	error?: Error;
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

function readBody(stream: Readable): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		stream.on('data', (chunk: Buffer) => chunks.push(chunk));
		stream.on('end', () => resolve(Buffer.concat(chunks)));
		stream.on('error', reject);
	});
}

/** The media type alone, lower-cased, as n8n keeps it in `req.contentType`. */
function mediaType(request: IncomingMessage): string | undefined {
	return request.headers['content-type']?.split(';')[0].trim().toLowerCase() || undefined;
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
	/** n8n's N8N_PAYLOAD_SIZE_MAX (there in MiB), in bytes: a longer body fails `readRawBody`. */
	payloadSizeMax = Infinity;
	/** The mode n8n runs `webhook()` in: `webhook` for the production URL, `manual` for the test URL. */
	mode: WorkflowExecuteMode = 'webhook';

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

	/**
	 * n8n's `req.readRawBody()` (its rawBodyReader middleware): reads the body once, inflating a
	 * gzip or deflate one, within the payload size limit; throws when the stream was already read (a
	 * form n8n parsed), when the body is too long, or when it does not inflate.
	 */
	private async readRawBody(req: ExpressLikeRequest): Promise<void> {
		if (req.rawBody) return;
		const encoding = req.headers['content-encoding'];
		const stream: Readable =
			encoding === 'gzip'
				? req.pipe(createGunzip())
				: encoding === 'deflate'
					? req.pipe(createInflate())
					: req;
		if (req.destroyed || !stream.readable) {
			throw new Error('Request body stream was aborted or is not readable');
		}
		// raw-body stops at the limit; reading on and refusing at the end fails the same way.
		const body = await readBody(stream);
		if (body.length > this.payloadSizeMax) throw new Error('request entity too large');
		req.rawBody = body;
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
		req.readRawBody = async () => await this.readRawBody(req);
		req.query = {};
		req.params = {};
		req.header = (name) => {
			const value = request.headers[name.toLowerCase()];
			return Array.isArray(value) ? value.join(', ') : value;
		};
		req.body = {};
		// n8n's parseRequestBody, for every version: a form is parsed from the stream (formidable),
		// which leaves no rawBody and a stream readRawBody() can no longer read. From a start node's
		// version 2 on, n8n reads any other body only for the content types it parses; the node must
		// call readRawBody() itself for the rest.
		const version = this.workflow?.node.typeVersion ?? 1;
		try {
			if (mediaType(request) === 'multipart/form-data') await readBody(request);
			else if (version === 1 || parsable(request.headers['content-type'])) {
				await req.readRawBody();
			}
		} catch {
			// Before any node runs: n8n answers the error and starts nothing.
			response.status(500).json({ code: 0, message: 'There was a problem executing the workflow' });
			return;
		}
		const rawBody = req.rawBody ?? Buffer.alloc(0);
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
			result = await workflow.setup.nodeType.webhook.call(
				workflow.webhookContext(req, response, this.mode),
			);
		} catch (error) {
			// n8n answers a throwing webhook() with 500 and starts an execution that fails with the
			// error (webhook-helpers' executeWebhook, on both n8n lines).
			call.error = error as Error;
			call.workflowData = [[{ json: {} }]];
			response
				.status(500)
				.json({ code: 0, message: 'Workflow Webhook Error: Workflow could not be started!' });
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
