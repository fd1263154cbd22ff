import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { KakiyoTrigger } from '../../../nodes/KakiyoTrigger/KakiyoTrigger.node';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../emulator';
import { FAST_RETRY } from '../../support/fastRetry';
import { TestWorkflow } from '../../support/n8nRuntime';
import { WebhookServer } from '../../support/webhookServer';

/**
 * The trigger's test bench: the Kakiyo emulator on loopback plays Kakiyo, a WebhookServer plays n8n's
 * webhook endpoint, and the trigger runs in n8n-core's real HookContext and WebhookContext.
 */
export interface Rig {
	emulator: RunningEmulator;
	receiver: WebhookServer;
	close(): Promise<void>;
}

export async function startRig(options: EmulatorOptions = {}): Promise<Rig> {
	// Deliveries retry quickly here; the real schedule (1 s, 2 s, 4 s) is the emulator's own concern.
	const emulator = await startEmulator({ retryDelaysMs: [1, 1, 1], ...options });
	const receiver = await new WebhookServer().start();
	return {
		emulator,
		receiver,
		close: async () => {
			await emulator.close();
			await receiver.close();
		},
	};
}

/**
 * One rig for the calling file (or describe block): started before its tests, reset before each,
 * closed after. The returned object is filled in once the rig is up.
 */
export function useRig(options: EmulatorOptions = {}): Rig {
	const rig = {} as Rig;
	beforeAll(async () => {
		Object.assign(rig, await startRig(options));
	});
	afterAll(async () => {
		await rig.close();
	});
	beforeEach(() => {
		rig.emulator.reset();
		rig.receiver.calls.length = 0;
	});
	return rig;
}

export interface TriggerSetup {
	events?: string[];
	options?: IDataObject;
	staticData?: IDataObject;
	webhookId?: string;
	workflowId?: string;
	baseUrl?: string;
	/** Where n8n serves webhooks; the rig's receiver by default. */
	webhookBaseUrl?: string;
	/** The node type, to share one between workflows as one n8n process does; a fresh one by default. */
	nodeType?: KakiyoTrigger;
	/** The trigger's version in the workflow (default 1). */
	typeVersion?: number;
}

export const WEBHOOK_ID = '3f1c9a52-7d0e-4b8a-9c61-2e5f8d4b7a90';

/** A workflow holding the trigger, as n8n would load it, talking to the rig's emulator. */
export function triggerWorkflow(rig: Rig, setup: TriggerSetup = {}): TestWorkflow {
	return new TestWorkflow({
		nodeType: setup.nodeType ?? new KakiyoTrigger({ retry: FAST_RETRY }),
		parameters: {
			events: setup.events ?? ['linkedin.message.received'],
			options: (setup.options ?? {}) as INodeParameters,
		},
		credentials: { apiKey: rig.emulator.apiKey, url: setup.baseUrl ?? rig.emulator.baseUrl },
		staticData: setup.staticData,
		webhookId: setup.webhookId ?? WEBHOOK_ID,
		workflowId: setup.workflowId,
		webhookBaseUrl: setup.webhookBaseUrl ?? rig.receiver.baseUrl,
		typeVersion: setup.typeVersion,
	});
}

/** The webhook methods of the workflow's node type, each run in a fresh HookContext as n8n does. */
export function hooks(workflow: TestWorkflow, mode: 'trigger' | 'manual' = 'trigger') {
	const lifecycle = (workflow.setup.nodeType as KakiyoTrigger).webhookMethods.default;
	return {
		checkExists: () => lifecycle.checkExists.call(workflow.hookContext(mode)),
		create: () => lifecycle.create.call(workflow.hookContext(mode)),
		delete: () => lifecycle.delete.call(workflow.hookContext(mode)),
	};
}

/** What n8n does on activation: `create` only when `checkExists` says there is nothing to keep. */
export async function activate(workflow: TestWorkflow, mode: 'trigger' | 'manual' = 'trigger') {
	const methods = hooks(workflow, mode);
	if (!(await methods.checkExists())) await methods.create();
}

/** The URL n8n gives the trigger's production webhook. */
export function webhookUrlOf(workflow: TestWorkflow): string {
	return `${workflow.setup.webhookBaseUrl}/${workflow.node.webhookId}/webhook`;
}

/** A call to the emulated Kakiyo API from outside the trigger (a user in the dashboard, say). */
export async function kakiyo(rig: Rig, method: string, path: string, body?: object) {
	const response = await fetch(`${rig.emulator.baseUrl}${path}`, {
		method,
		headers: { authorization: `Bearer ${rig.emulator.apiKey}`, 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	return (await response.json()) as IDataObject;
}

/** The API calls the emulator saw after `mark` (a count taken earlier), as "METHOD /path". */
export function callsSince(rig: Rig, mark: number): string[] {
	return rig.emulator
		.requests()
		.slice(mark)
		.map(
			(entry) =>
				`${entry.method} ${entry.path.replace(/\/webhooks\/[0-9a-f]{20}$/, '/webhooks/:id')}`,
		);
}

/** POSTs raw bytes to a webhook URL, as Kakiyo (or anyone else) would. */
export async function post(
	url: string,
	body: string | Buffer,
	headers: Record<string, string> = {},
) {
	const response = await fetch(url, {
		method: 'POST',
		headers: { 'content-type': 'application/json', ...headers },
		body,
	});
	return { status: response.status, body: await response.text() };
}
