import type { IDataObject, IHookFunctions, IWebhookFunctions } from 'n8n-workflow';

/**
 * What the trigger remembers in the node's static data: the Kakiyo webhook it registered, the events
 * it registered them for and the secret deliveries are signed with. n8n keeps test and production
 * static data apart, so the test webhook never overwrites the production one.
 */
export interface TriggerState {
	webhookId?: string;
	webhookEvents?: string[];
	webhookSecret?: string;
}

type StateContext = IHookFunctions | IWebhookFunctions;

const KEYS = ['webhookId', 'webhookEvents', 'webhookSecret'] as const;

function staticData(context: StateContext): IDataObject {
	return context.getWorkflowStaticData('node');
}

export function readState(context: StateContext): TriggerState {
	const data = staticData(context);
	return {
		webhookId: typeof data.webhookId === 'string' && data.webhookId ? data.webhookId : undefined,
		webhookEvents: Array.isArray(data.webhookEvents) ? (data.webhookEvents as string[]) : undefined,
		webhookSecret:
			typeof data.webhookSecret === 'string' && data.webhookSecret ? data.webhookSecret : undefined,
	};
}

export function saveState(context: StateContext, state: Required<TriggerState>): void {
	Object.assign(staticData(context), state);
}

export function clearState(context: StateContext): void {
	const data = staticData(context);
	for (const key of KEYS) delete data[key];
}

/** Drops the stored secret alone: Kakiyo is being given another one. */
export function forgetSecret(context: StateContext): void {
	delete staticData(context).webhookSecret;
}
