import type { IDataObject, IHookFunctions, IWebhookFunctions } from 'n8n-workflow';
import type { DeliveryOptions } from './triggerOptions';

/**
 * What the trigger remembers in the node's static data: the Kakiyo webhook it registered, the events
 * it registered them for, the secret deliveries are signed with and the options deliveries are
 * judged by. n8n keeps test and production static data apart, so the test webhook never overwrites
 * the production one (n8n hands a test webhook's requests the static data its activation stored).
 */
export interface TriggerState {
	webhookId?: string;
	webhookEvents?: string[];
	webhookSecret?: string;
	/** Stored since deliveries stopped reading the parameters: absent for older activations. */
	webhookOptions?: DeliveryOptions;
	/** When this state was stored (epoch ms), to tell the newer of two copies apart. */
	webhookStoredAt?: number;
}

/** The state of a registered hook, as saved after Kakiyo confirmed it. */
export type RegisteredState = Required<Omit<TriggerState, 'webhookStoredAt'>>;

const KEYS = [
	'webhookId',
	'webhookEvents',
	'webhookSecret',
	'webhookOptions',
	'webhookStoredAt',
] as const;

function staticData(context: IHookFunctions | IWebhookFunctions): IDataObject {
	return context.getWorkflowStaticData('node');
}

function optionsIn(value: unknown): DeliveryOptions | undefined {
	const options = value as Partial<DeliveryOptions> | null | undefined;
	const seconds = options?.maxAgeSeconds;
	if (typeof options?.includeHeaders !== 'boolean') return undefined;
	if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0) return undefined;
	return { includeHeaders: options.includeHeaders, maxAgeSeconds: seconds };
}

function stateIn(data: IDataObject): TriggerState {
	const text = (value: unknown) => (typeof value === 'string' && value ? value : undefined);
	return {
		webhookId: text(data.webhookId),
		webhookEvents: Array.isArray(data.webhookEvents) ? (data.webhookEvents as string[]) : undefined,
		webhookSecret: text(data.webhookSecret),
		webhookOptions: optionsIn(data.webhookOptions),
		webhookStoredAt: typeof data.webhookStoredAt === 'number' ? data.webhookStoredAt : undefined,
	};
}

/** Whether two states name the same hook, secret, events and options (their stamps aside). */
function sameRegistration(a: TriggerState, b: TriggerState): boolean {
	return (
		a.webhookId === b.webhookId &&
		a.webhookSecret === b.webhookSecret &&
		JSON.stringify(a.webhookEvents) === JSON.stringify(b.webhookEvents) &&
		JSON.stringify(a.webhookOptions) === JSON.stringify(b.webhookOptions)
	);
}

/** A plain copy: static data holds n8n's observed objects, which structuredClone refuses. */
function copyOf(state: TriggerState): TriggerState {
	const copy: TriggerState = {};
	if (state.webhookId !== undefined) copy.webhookId = state.webhookId;
	if (state.webhookEvents !== undefined) copy.webhookEvents = [...state.webhookEvents];
	if (state.webhookSecret !== undefined) copy.webhookSecret = state.webhookSecret;
	if (state.webhookOptions !== undefined) copy.webhookOptions = { ...state.webhookOptions };
	if (state.webhookStoredAt !== undefined) copy.webhookStoredAt = state.webhookStoredAt;
	return copy;
}

/** What a delivery is checked against, as stored on activation. */
export interface StoredRegistration {
	/** The secret deliveries must be signed with. */
	secret: string;
	/** The events Kakiyo confirmed, which are what it sends. */
	events: string[];
	/** Absent when an earlier version activated the workflow. */
	options?: DeliveryOptions;
}

/**
 * This workflow's registration, from one read of its static data; undefined unless a secret and
 * its events are both stored (every activation stores them together, so one without the other is
 * no registration a delivery could be judged by).
 */
export function storedRegistration(context: IWebhookFunctions): StoredRegistration | undefined {
	const state = stateIn(staticData(context));
	if (!state.webhookSecret || !state.webhookEvents) return undefined;
	return {
		secret: state.webhookSecret,
		events: state.webhookEvents,
		options: state.webhookOptions,
	};
}

/**
 * The state this process last stored for each webhook URL, an empty one after it cleared it. n8n may
 * run two activations of one workflow at once, each with its own copy of the static data read from
 * the database: what one stored, the other finds here, rather than registering a second hook or
 * keeping a secret the first one replaced.
 */
export class HookMemory {
	private readonly byUrl = new Map<string, TriggerState>();

	get(url: string): TriggerState | undefined {
		return this.byUrl.get(url);
	}

	set(url: string, state: TriggerState): void {
		this.byUrl.set(url, copyOf(state));
	}
}

/**
 * The trigger's state for one webhook URL: the workflow's static data and the process's memory,
 * written together; read from whichever was stored last. Static data newer than the memory was
 * stored by another n8n process (another main) and wins.
 */
export class TriggerStateStore {
	constructor(
		private readonly context: IHookFunctions,
		private readonly url: string,
		private readonly memory: HookMemory,
		private readonly now: () => number,
	) {}

	/** Static data changed outside the trigger (a restored database, say) keeps its stamp and wins a tie. */
	read(): TriggerState {
		const stored = stateIn(staticData(this.context));
		const remembered = this.memory.get(this.url);
		if (!remembered) return stored;
		return (remembered.webhookStoredAt ?? 0) > (stored.webhookStoredAt ?? -1)
			? copyOf(remembered)
			: stored;
	}

	/** The hook this process stored for the URL, if its last word on the URL was a hook. */
	remembered(): Omit<RegisteredState, 'webhookOptions'> | undefined {
		const remembered = this.memory.get(this.url);
		if (!remembered?.webhookId || !remembered.webhookSecret || !remembered.webhookEvents) {
			return undefined;
		}
		return {
			webhookId: remembered.webhookId,
			webhookEvents: [...remembered.webhookEvents],
			webhookSecret: remembered.webhookSecret,
		};
	}

	/**
	 * Stores a confirmed hook; unchanged state keeps its stamp. Static data that already holds it is
	 * left alone: any write marks it changed, and n8n then saves it to its database, which a healthy
	 * activation has no reason to cost.
	 */
	save(state: RegisteredState): void {
		const current = this.read();
		const next = sameRegistration(current, state)
			? current
			: { ...state, webhookStoredAt: this.nextStamp() };
		const stored = stateIn(staticData(this.context));
		if (sameRegistration(stored, next) && stored.webhookStoredAt === next.webhookStoredAt) {
			this.memory.set(this.url, next);
			return;
		}
		this.write(next);
	}

	clear(): void {
		this.write({ webhookStoredAt: this.nextStamp() }, false);
	}

	/** Drops the stored secret: Kakiyo is being given another one. */
	forgetSecret(): void {
		const withoutSecret = this.read();
		delete withoutSecret.webhookSecret;
		this.write({ ...withoutSecret, webhookStoredAt: this.nextStamp() });
	}

	/** Now, but always later than anything stored here, even within one millisecond. */
	private nextStamp(): number {
		const stored = stateIn(staticData(this.context)).webhookStoredAt ?? 0;
		const remembered = this.memory.get(this.url)?.webhookStoredAt ?? 0;
		return Math.max(this.now(), stored + 1, remembered + 1);
	}

	/** Replaces the state in both places; a cleared static data keeps no keys at all. */
	private write(state: TriggerState, keepInStaticData = true): void {
		const data = staticData(this.context);
		for (const key of KEYS) delete data[key];
		if (keepInStaticData) Object.assign(data, copyOf(state));
		this.memory.set(this.url, state);
	}
}
