/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test-only emulator: optional state file needs node:fs */
/**
 * The registered webhooks, optionally persisted to a JSON file so that a developer's emulator keeps its
 * webhooks (and its generated API key) across restarts, like the real service would.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { WILDCARD } from './events';
import type { EmulatedWebhook } from './types';

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

interface PersistedState {
	version: 1;
	apiKey?: string;
	webhooks: EmulatedWebhook[];
}

export class WebhookStore {
	private readonly hooks = new Map<string, EmulatedWebhook>();

	private savedApiKey: string | undefined;

	constructor(private readonly statePath?: string) {
		if (statePath && existsSync(statePath)) this.load(statePath);
	}

	/** The generated key saved by an earlier run, so a restarted emulator accepts the same key. */
	get apiKey(): string | undefined {
		return this.savedApiKey;
	}

	rememberApiKey(key: string): void {
		this.savedApiKey = key;
		this.save();
	}

	list(): EmulatedWebhook[] {
		return [...this.hooks.values()].map((hook) => structuredClone(hook));
	}

	get(id: string): EmulatedWebhook | undefined {
		const hook = this.hooks.get(id);
		return hook && structuredClone(hook);
	}

	/** Active webhooks subscribed to the event, directly or through the wildcard. */
	subscribers(event: string): EmulatedWebhook[] {
		return this.list().filter(
			(hook) => hook.active && (hook.events.includes(event) || hook.events.includes(WILDCARD)),
		);
	}

	create(input: WebhookInput): EmulatedWebhook {
		const now = new Date().toISOString();
		// Kakiyo's newer ids are 20-character lowercase hex (Appwrite style).
		const hook: EmulatedWebhook = {
			id: randomBytes(10).toString('hex'),
			...input,
			active: true,
			failureCount: 0,
			createdAt: now,
			updatedAt: now,
		};
		this.hooks.set(hook.id, hook);
		this.save();
		return structuredClone(hook);
	}

	update(id: string, patch: WebhookPatch): EmulatedWebhook | undefined {
		const hook = this.hooks.get(id);
		if (!hook) return undefined;
		const { secret, ...rest } = patch;
		Object.assign(hook, rest, { updatedAt: new Date().toISOString() });
		if (secret === null) delete hook.secret;
		else if (secret !== undefined) hook.secret = secret;
		// Re-enabling is how a user recovers an auto-disabled webhook, so it starts counting afresh.
		if (patch.active === true) hook.failureCount = 0;
		this.save();
		return structuredClone(hook);
	}

	delete(id: string): boolean {
		const deleted = this.hooks.delete(id);
		if (deleted) this.save();
		return deleted;
	}

	/** Counts consecutive failed deliveries; at the limit the webhook is disabled. */
	recordDelivery(
		id: string,
		delivered: boolean,
		disableAfter: number,
	): EmulatedWebhook | undefined {
		const hook = this.hooks.get(id);
		if (!hook) return undefined;
		if (delivered) {
			hook.failureCount = 0;
		} else {
			hook.failureCount += 1;
			if (hook.active && hook.failureCount >= disableAfter) {
				hook.active = false;
				hook.updatedAt = new Date().toISOString();
			}
		}
		this.save();
		return structuredClone(hook);
	}

	clear(): void {
		this.hooks.clear();
		this.save();
	}

	private load(path: string): void {
		let state: PersistedState | undefined;
		let problem = '';
		try {
			state = JSON.parse(readFileSync(path, 'utf8')) as PersistedState;
		} catch (error) {
			problem = (error as Error).message;
		}
		if (!state) throw new Error(`Emulator state file ${path} is not valid JSON: ${problem}`);
		if (!Array.isArray(state.webhooks)) {
			throw new Error(`Emulator state file ${path} has no "webhooks" array`);
		}
		for (const hook of state.webhooks) this.hooks.set(hook.id, hook);
		this.savedApiKey = state.apiKey;
	}

	private save(): void {
		if (!this.statePath) return;
		const state: PersistedState = {
			version: 1,
			apiKey: this.savedApiKey,
			webhooks: [...this.hooks.values()],
		};
		// Write then rename, so a crash never leaves half a file behind.
		mkdirSync(dirname(this.statePath), { recursive: true });
		const temporary = `${this.statePath}.tmp`;
		writeFileSync(temporary, JSON.stringify(state, null, 2) + '\n');
		renameSync(temporary, this.statePath);
	}
}
