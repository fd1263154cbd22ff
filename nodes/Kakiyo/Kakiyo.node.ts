import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import { getEventOptions } from '../shared/eventOptions';
import { KAKIYO_CREDENTIAL } from '../shared/transport';
import { searchWebhooks } from './methods/searchWebhooks';
import { getSingleEventOptions } from './methods/singleEventOptions';
import { webhook } from './resources/webhook';
import { webhookEvent } from './resources/webhookEvent';
import { runOperation } from './runOperation';

/*
 * Programmatic rather than declarative: n8n's RoutingNode sends each request itself, so it cannot
 * retry a 429 or 503 with backoff, cannot turn Kakiyo's `{error, message}` into the shared actionable
 * NodeApiErrors, and would need postReceive hooks to strip secrets. Instead every operation is a small
 * per-item function in its resource file that calls the shared client, and `runOperation` does the
 * pairing, Continue On Fail and error wrapping once for all of them.
 */
export class Kakiyo implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Kakiyo',
		name: 'kakiyo',
		icon: { light: 'file:../../icons/kakiyo.svg', dark: 'file:../../icons/kakiyo.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Manage Kakiyo webhooks and try Kakiyo webhook events',
		defaults: { name: 'Kakiyo' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: KAKIYO_CREDENTIAL, required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Webhook', value: 'webhook' },
					{ name: 'Webhook Event', value: 'webhookEvent' },
				],
				default: 'webhook',
			},
			...webhook.properties,
			...webhookEvent.properties,
		],
	};

	methods = {
		loadOptions: { getEventOptions, getSingleEventOptions },
		listSearch: { searchWebhooks },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [await runOperation.call(this, { webhook, webhookEvent })];
	}
}
