import {
	NodeConnectionTypes,
	type IHookFunctions,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';
import { getEventOptions } from '../shared/eventOptions';
import { receiveDelivery } from './delivery';
import { triggerProperties } from './description';
import { checkExists, create, deleteHook } from './webhookLifecycle';

export class KakiyoTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Kakiyo Trigger',
		name: 'kakiyoTrigger',
		icon: { light: 'file:../../icons/kakiyo.svg', dark: 'file:../../icons/kakiyo.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{($parameter["events"] || []).join(", ")}}',
		description: 'Starts the workflow when Kakiyo sends a signed webhook event',
		defaults: { name: 'Kakiyo Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
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
		properties: triggerProperties,
	};

	methods = { loadOptions: { getEventOptions } };

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await checkExists.call(this);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return await create.call(this);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return await deleteHook.call(this);
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receiveDelivery.call(this);
	}
}
