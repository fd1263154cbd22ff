import type {
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
	WebhookSetupMethodNames,
} from 'n8n-workflow';
import { getEventOptions } from '../Kakiyo/methods/loadOptions';
import { MAIN_CONNECTION } from '../shared/connectionTypes';
import { receiveDelivery } from './delivery';
import { triggerProperties } from './properties';
import { triggerPanel } from './triggerPanel';
import { TriggerRuntime, type KakiyoTriggerOptions } from './triggerRuntime';
import { checkExists, create, deleteHook } from './webhookLifecycle';

type HookMethod = (this: IHookFunctions) => Promise<boolean>;

/*
 * n8n calls the lifecycle and webhook methods with its own context as `this`, so they reach the
 * instance's runtime (retry timing, per-process memory) through a closure. n8n builds each node class
 * once per process and without arguments.
 */
function lifecycleMethods(runtime: () => TriggerRuntime) {
	const methods: Record<WebhookSetupMethodNames, HookMethod> = {
		async checkExists(this: IHookFunctions) {
			return await checkExists.call(this, runtime());
		},
		async create(this: IHookFunctions) {
			return await create.call(this, runtime());
		},
		async delete(this: IHookFunctions) {
			return await deleteHook.call(this, runtime());
		},
	};
	return { default: methods };
}

function deliveryHandler(runtime: () => TriggerRuntime) {
	return async function (this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receiveDelivery.call(this, runtime());
	};
}

export class KakiyoTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Kakiyo Trigger',
		name: 'kakiyoTrigger',
		icon: { light: 'file:../../icons/kakiyo.svg', dark: 'file:../../icons/kakiyo.dark.svg' },
		group: ['trigger'],
		// Version 2 behaves exactly as 1. For a version 1 start node n8n evaluates an expression
		// (`$parameter["options"]["binaryData"]`) on every request, which on n8n 2.x can cost an
		// expression isolate per delivery; new workflows get version 2, saved ones keep working on 1.
		version: [1, 2],
		defaultVersion: 2,
		subtitle: '={{($parameter["events"] || []).join(", ")}}',
		description: 'Starts the workflow when Kakiyo sends a signed webhook event',
		defaults: { name: 'Kakiyo Trigger' },
		inputs: [],
		outputs: [MAIN_CONNECTION],
		credentials: [{ name: 'kakiyoApi', required: true }],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				// Answered by the node itself on receipt (see delivery.ts), before the workflow runs.
				responseMode: 'onReceived',
				path: 'webhook',
			},
		],
		triggerPanel,
		properties: triggerProperties,
	};

	methods = { loadOptions: { getEventOptions } };

	webhookMethods = lifecycleMethods(() => this.runtime);

	webhook = deliveryHandler(() => this.runtime);

	private readonly runtime: TriggerRuntime;

	constructor(options: KakiyoTriggerOptions = {}) {
		this.runtime = new TriggerRuntime(options);
	}
}
