import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import { getEventOptions } from '../shared/eventOptions';
import { KAKIYO_CREDENTIAL } from '../shared/transport';
import { describeResources } from './engine/describe';
import type { Resource } from './engine/operation';
import { runOperation } from './engine/runOperation';
import { listSearch } from './methods/listSearch';
import { getSingleEventOptions } from './methods/singleEventOptions';
import { agent } from './resources/agent';
import { campaign } from './resources/campaign';
import { webhook } from './resources/webhook';
import { webhookEvent } from './resources/webhookEvent';

/**
 * Every Kakiyo resource; each folder under `resources/` holds one resource's operations, one file per
 * operation (its parameters, its call and how the answer becomes items).
 */
const RESOURCES: readonly Resource[] = [agent, campaign, webhook, webhookEvent];

/*
 * Programmatic rather than declarative: n8n's RoutingNode sends each request itself, so it cannot
 * retry a 429 or 503 with backoff, cannot turn Kakiyo's `{error, message}` into the shared actionable
 * NodeApiErrors, and would need postReceive hooks to strip secrets. Instead every operation is a
 * declaration that `runOperation` executes the same way: ids, retries, errors, paging, pairing,
 * Continue On Fail and the secrets filter are done once for all of them.
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
		properties: describeResources(RESOURCES, 'webhook'),
	};

	methods = {
		loadOptions: { getEventOptions, getSingleEventOptions },
		listSearch,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [await runOperation.call(this, RESOURCES)];
	}
}
