import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { MAIN_CONNECTION } from '../shared/connectionTypes';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from '../shared/transport/retryPolicy';
import { KAKIYO_CREDENTIAL } from '../shared/transport';
import { describeResources } from './engine/describe';
import type { Resource } from './engine/operation';
import { runOperation } from './engine/runOperation';
import { listSearch } from './methods/listSearch';
import { loadOptions } from './methods/loadOptions';
import { agent } from './resources/agent';
import { analytics } from './resources/analytics';
import { campaign } from './resources/campaign';
import { doNotContact } from './resources/doNotContact';
import { model } from './resources/model';
import { product } from './resources/product';
import { prompt } from './resources/prompt';
import { prospect } from './resources/prospect';
import { webhook } from './resources/webhook';
import { webhookEvent } from './resources/webhookEvent';
import { workspace } from './resources/workspace';

/**
 * Every Kakiyo resource; each folder under `resources/` holds one resource's operations, one file per
 * operation (its parameters, its call and how the answer becomes items).
 */
export const RESOURCES: readonly Resource[] = [
	agent,
	analytics,
	campaign,
	doNotContact,
	model,
	product,
	prompt,
	prospect,
	webhook,
	webhookEvent,
	workspace,
];

/** What a Kakiyo node can be built with; n8n builds it with none, so the defaults apply. */
export interface KakiyoOptions {
	/** Retry and timeout timing of Kakiyo API calls. */
	retry?: Readonly<RetryPolicy>;
}

/** n8n calls `execute` with its own context as `this`: the instance's timing comes by closure. */
function operationRunner(retry: () => Readonly<RetryPolicy>) {
	return async function (this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [await runOperation.call(this, RESOURCES, retry())];
	};
}

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
		description:
			'Act on Kakiyo: agents, campaigns, prospects and their conversations, Do Not Contact, workspaces and webhooks',
		defaults: { name: 'Kakiyo' },
		usableAsTool: true,
		inputs: [MAIN_CONNECTION],
		outputs: [MAIN_CONNECTION],
		credentials: [{ name: KAKIYO_CREDENTIAL, required: true }],
		properties: describeResources(RESOURCES, 'webhook'),
	};

	methods = {
		loadOptions,
		listSearch,
	};

	execute = operationRunner(() => this.retry);

	private readonly retry: Readonly<RetryPolicy>;

	constructor(options: KakiyoOptions = {}) {
		this.retry = options.retry ?? DEFAULT_RETRY_POLICY;
	}
}
