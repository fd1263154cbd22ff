/** One team's registered webhooks: the list kept in the team's data, with the changes Kakiyo makes. */
import { WILDCARD } from '../events';
import { newId, nowIso } from '../ids';
import type { EmulatedWebhook } from '../types';

export interface WebhookInput {
	name: string;
	url: string;
	events: string[];
	secret?: string;
}

/** `secret: null` removes the secret. */
export interface WebhookPatch {
	name?: string;
	url?: string;
	events?: string[];
	secret?: string | null;
	active?: boolean;
}

export class WebhookStore {
	/** `hooks` is the team's own array, changed in place; `changed` saves the state. */
	constructor(
		private readonly hooks: EmulatedWebhook[],
		private readonly changed: () => void,
	) {}

	list(): EmulatedWebhook[] {
		return this.hooks.map((hook) => structuredClone(hook));
	}

	get(id: string): EmulatedWebhook | undefined {
		const hook = this.find(id);
		return hook && structuredClone(hook);
	}

	/** Active webhooks subscribed to the event, directly or through the wildcard. */
	subscribers(event: string): EmulatedWebhook[] {
		return this.list().filter(
			(hook) => hook.active && (hook.events.includes(event) || hook.events.includes(WILDCARD)),
		);
	}

	create(input: WebhookInput): EmulatedWebhook {
		const now = nowIso();
		const hook: EmulatedWebhook = {
			id: newId(),
			...input,
			active: true,
			failureCount: 0,
			createdAt: now,
			updatedAt: now,
		};
		this.hooks.push(hook);
		this.changed();
		return structuredClone(hook);
	}

	update(id: string, patch: WebhookPatch): EmulatedWebhook | undefined {
		const hook = this.find(id);
		if (!hook) return undefined;
		const { secret, ...rest } = patch;
		Object.assign(hook, rest, { updatedAt: nowIso() });
		if (secret === null) delete hook.secret;
		else if (secret !== undefined) hook.secret = secret;
		// Re-enabling is how a user recovers an auto-disabled webhook, so it starts counting afresh.
		if (patch.active === true) hook.failureCount = 0;
		this.changed();
		return structuredClone(hook);
	}

	delete(id: string): boolean {
		const index = this.hooks.findIndex((hook) => hook.id === id);
		if (index < 0) return false;
		this.hooks.splice(index, 1);
		this.changed();
		return true;
	}

	/** Counts consecutive failed deliveries; at the limit the webhook is disabled. */
	recordDelivery(
		id: string,
		delivered: boolean,
		disableAfter: number,
	): EmulatedWebhook | undefined {
		const hook = this.find(id);
		if (!hook) return undefined;
		if (delivered) {
			hook.failureCount = 0;
		} else {
			hook.failureCount += 1;
			if (hook.active && hook.failureCount >= disableAfter) {
				hook.active = false;
				hook.updatedAt = nowIso();
			}
		}
		this.changed();
		return structuredClone(hook);
	}

	private find(id: string): EmulatedWebhook | undefined {
		return this.hooks.find((hook) => hook.id === id);
	}
}
