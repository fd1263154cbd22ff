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

const KEYS = ['webhookId', 'webhookEvents', 'webhookSecret'] as const;

function staticData(context: IHookFunctions | IWebhookFunctions): IDataObject {
	return context.getWorkflowStaticData('node');
}

function stateIn(data: IDataObject): TriggerState {
	return {
		webhookId: typeof data.webhookId === 'string' && data.webhookId ? data.webhookId : undefined,
		webhookEvents: Array.isArray(data.webhookEvents) ? (data.webhookEvents as string[]) : undefined,
		webhookSecret:
			typeof data.webhookSecret === 'string' && data.webhookSecret ? data.webhookSecret : undefined,
	};
}

/** The secret a delivery must be signed with, as stored for this workflow. */
export function storedSecret(context: IWebhookFunctions): string | undefined {
	return stateIn(staticData(context)).webhookSecret;
}

/**
 * The state this process last stored for each webhook URL. n8n may run two activations of one
 * workflow at once, each with its own copy of the static data read from the database: what one
 * registered, the other finds here rather than registering a second hook or another secret.
 */
export class HookMemory {
	private readonly byUrl = new Map<string, Required<TriggerState>>();

	get(url: string): Required<TriggerState> | undefined {
		const state = this.byUrl.get(url);
		return state && { ...state, webhookEvents: [...state.webhookEvents] };
	}

	set(url: string, state: Required<TriggerState>): void {
		this.byUrl.set(url, { ...state, webhookEvents: [...state.webhookEvents] });
	}

	forget(url: string): void {
		this.byUrl.delete(url);
	}
}

/** The trigger's state for one webhook URL: the workflow's static data, and the process's memory. */
export class TriggerStateStore {
	constructor(
		private readonly context: IHookFunctions,
		private readonly url: string,
		private readonly memory: HookMemory,
	) {}

	/** The static data; when it names no hook, what this process stored for the URL. */
	read(): TriggerState {
		const stored = stateIn(staticData(this.context));
		return stored.webhookId ? stored : (this.memory.get(this.url) ?? stored);
	}

	/** What this process stored for the URL, whatever the static data says. */
	remembered(): Required<TriggerState> | undefined {
		return this.memory.get(this.url);
	}

	save(state: Required<TriggerState>): void {
		Object.assign(staticData(this.context), state);
		this.memory.set(this.url, state);
	}

	clear(): void {
		const data = staticData(this.context);
		for (const key of KEYS) delete data[key];
		this.memory.forget(this.url);
	}

	/** Drops the stored secret: Kakiyo is being given another one. */
	forgetSecret(): void {
		delete staticData(this.context).webhookSecret;
		this.memory.forget(this.url);
	}
}
