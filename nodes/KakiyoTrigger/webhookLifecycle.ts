import { NodeOperationError, type IHookFunctions } from 'n8n-workflow';
import { randomBytes } from 'crypto';
import { isKakiyoNotFound } from '../shared/transport/apiError';
import { isNodeError } from '../shared/transport/nodeError';
import { KAKIYO_CREDENTIAL } from '../shared/transport';
import {
	createWebhook,
	deleteWebhook,
	getWebhook,
	listWebhooks,
	putWebhook,
	type KakiyoWebhook,
	type WebhookFields,
} from '../shared/webhooksApi';
import {
	judgeCreated,
	judgeReread,
	judgeUpdate,
	mayBeOurs,
	namesWebhook,
	pickKeeper,
	repairs,
	sortListed,
	type Known,
	type Wanted,
} from './hookDecisions';
import { notApplied, notConfirmed, notCreated, notDeleted } from './hookErrors';
import { chosenEvents } from './eventSelection';
import { hookName } from './hookName';
import { assertKakiyoCanReach } from './reachability';
import { usableOptions } from './triggerOptions';
import { TriggerStateStore } from './triggerState';
import type { TriggerRuntime } from './triggerRuntime';

/*
 * n8n's three webhook methods for the trigger, one function each below: `checkExists` and `create` on
 * activation, `deleteHook` on deactivation. What they decide is in hookDecisions.ts (pure), the rules
 * in docs/trigger.md. Every Kakiyo call costs a credit, so each makes as few as it can, and each runs
 * one at a time per webhook URL within the process.
 */

/** Is the trigger's webhook there and healthy? False sends n8n on to `create`. */
export async function checkExists(this: IHookFunctions, runtime: TriggerRuntime): Promise<boolean> {
	const wanted = wantedBy(this);
	const hooks = new TriggerHooks(this, runtime);
	return await hooks.oneAtATime(async () => {
		const state = hooks.state.read();
		if (state.webhookId) {
			const stored = await hooks.ownHook(state.webhookId);
			if (stored) return await hooks.reconcile(stored, wanted, state);
		}
		const { ours } = await hooks.listOurs();
		// Only with the list read is a stored hook answered not_found known to be gone: a wrong base
		// URL answers not_found for every route.
		if (state.webhookId) hooks.state.clear();
		if (ours.length === 0) return false;
		const { keeper, duplicates } = pickKeeper(ours, wanted.events);
		for (const duplicate of duplicates) {
			this.logger.info(`Deleting duplicate Kakiyo webhook ${duplicate.id} for ${hooks.url}`);
			await hooks.remove(duplicate.id);
		}
		// Found by URL, so the secret is unknown: reconcile gives it a new one.
		return await hooks.reconcile(keeper, wanted, {});
	});
}

/** Registers the webhook, unless another activation in this process did since `checkExists`. */
export async function create(this: IHookFunctions, runtime: TriggerRuntime): Promise<boolean> {
	const wanted = wantedBy(this);
	const hooks = new TriggerHooks(this, runtime);
	return await hooks.oneAtATime(async () => {
		const credential = await this.getCredentials<{ url?: string }>(KAKIYO_CREDENTIAL);
		assertKakiyoCanReach(this.getNode(), hooks.url, credential.url);

		const meanwhile = hooks.state.remembered();
		if (meanwhile) {
			const hook = await hooks.ownHook(meanwhile.webhookId);
			if (hook && (await hooks.reconcile(hook, wanted, meanwhile))) return true;
			if (!hook) hooks.state.clear();
		}

		const name = hooks.desiredName();
		const fields = { name, url: hooks.url, events: wanted.events, secret: generateSecret() };
		const hook = await createWebhook.call(this, fields, runtime.retry);
		const verdict = judgeCreated(fields, hook);
		if (verdict.kind === 'refused') throw notCreated(this, hook.id, verdict.problems);
		if (verdict.kakiyoMade) {
			this.logger.info(
				`Kakiyo made its own signing secret for webhook ${hook.id}; the trigger verifies deliveries with it`,
			);
		}
		hooks.state.save({
			webhookId: hook.id,
			webhookEvents: wanted.events,
			webhookSecret: verdict.secret,
			webhookOptions: wanted.options,
		});
		return true;
	});
}

/**
 * Deletes every hook Kakiyo lists with our URL and the stored one unless the list shows it elsewhere.
 * Kakiyo's not_found counts as done, so running it twice is safe; any other failure keeps the state
 * and n8n retries.
 */
export async function deleteHook(this: IHookFunctions, runtime: TriggerRuntime): Promise<boolean> {
	const hooks = new TriggerHooks(this, runtime);
	return await hooks.oneAtATime(async () => {
		const { webhookId } = hooks.state.read();
		const { ours } = await hooks.listOurs(webhookId);
		for (const hook of ours) await hooks.remove(hook.id);
		hooks.state.clear();
		return true;
	});
}

/** The events and options, read once per step and checked before anything is registered. */
function wantedBy(context: IHookFunctions): Wanted {
	return { events: chosenEvents(context), options: usableOptions(context) };
}

function generateSecret(): string {
	return randomBytes(32).toString('hex');
}

/** One trigger's calls about its webhook, each made sure of before anything is stored. */
class TriggerHooks {
	readonly url: string;

	readonly state: TriggerStateStore;

	constructor(
		private readonly context: IHookFunctions,
		private readonly runtime: TriggerRuntime,
	) {
		this.url = context.getNodeWebhookUrl('default') as string;
		this.state = new TriggerStateStore(context, this.url, runtime.memory, runtime.now);
	}

	private get retry() {
		return this.runtime.retry;
	}

	async oneAtATime<T>(work: () => Promise<T>): Promise<T> {
		return await this.runtime.lock.run(this.url, work);
	}

	desiredName(): string {
		return hookName(
			this.context,
			this.context.getNodeParameter('options.webhookName', '') as string,
		);
	}

	/** A call about one hook; undefined when Kakiyo says it is gone (its `not_found`). */
	private async unlessGone<T>(call: Promise<T>): Promise<T | undefined> {
		try {
			return await call;
		} catch (error) {
			if (isKakiyoNotFound(error)) return undefined;
			throw isNodeError(error)
				? error
				: new NodeOperationError(this.context.getNode(), error as Error);
		}
	}

	/** The hook with this id, when Kakiyo still has it and it is not provably someone else's. */
	async ownHook(id: string): Promise<KakiyoWebhook | undefined> {
		const hook = await this.unlessGone(getWebhook.call(this.context, id, this.retry));
		if (!hook) {
			this.context.logger.info(
				`Kakiyo webhook ${id} no longer exists; looking for this trigger's webhook by URL`,
			);
			return undefined;
		}
		if (mayBeOurs(hook, this.url)) return hook;
		this.disown(hook);
		return undefined;
	}

	/** The hooks Kakiyo lists for our URL, and the stored one unless it delivers elsewhere. */
	async listOurs(storedId?: string): Promise<{ ours: KakiyoWebhook[] }> {
		const listed = await listWebhooks.call(this.context, this.retry);
		const { ours, foreign } = sortListed(listed, this.url, storedId);
		for (const hook of foreign) this.disown(hook);
		return { ours };
	}

	/**
	 * Forgets a stored hook that delivers to another URL, at once: if a later call fails, n8n runs
	 * `delete`, which must not find the id. The hook itself is left alone.
	 */
	private disown(hook: KakiyoWebhook): void {
		this.state.clear();
		this.context.logger.warn(
			`Kakiyo webhook ${hook.id} delivers to another URL (${String(hook.url)}); it is not this trigger's webhook and is left untouched`,
		);
	}

	/**
	 * Deletes a hook and makes sure it is gone. Kakiyo's not_found counts as deleted: every caller has
	 * just seen the hook, so this is the Kakiyo API and not a base URL where every route is not found.
	 */
	async remove(id: string): Promise<void> {
		const deleted = await this.unlessGone(
			deleteWebhook.call(this.context, id, this.retry).then((answer) => ({ answer })),
		);
		if (deleted) {
			if (namesWebhook(deleted.answer, id)) return;
			const still = await this.unlessGone(getWebhook.call(this.context, id, this.retry));
			if (!still) return;
			throw notDeleted(this.context, id);
		}
		this.context.logger.debug(`Kakiyo webhook ${id} was already deleted`);
	}

	/**
	 * Brings a hook we own in line (one PUT when anything is off, none otherwise) and stores it. False
	 * when the hook is gone or was replaced, so that `create` runs.
	 */
	async reconcile(
		hook: KakiyoWebhook,
		{ events, options }: Wanted,
		known: Known,
	): Promise<boolean> {
		const { changes, newSecret } = repairs(hook, events, known, this.desiredName());
		const kept = newSecret ? undefined : known.webhookSecret;
		const secret = kept ?? generateSecret();
		if (secret !== kept) {
			changes.secret = secret;
			// Kakiyo may apply the new secret even if its answer is lost: the old one is no longer trusted.
			this.state.forgetSecret();
		}
		if (Object.keys(changes).length > 0) {
			if (!(await this.update(hook.id, changes))) return false;
			this.context.logger.info(
				`Updated Kakiyo webhook ${hook.id} (${Object.keys(changes).join(', ')})`,
			);
		}
		this.state.save({
			webhookId: hook.id,
			webhookEvents: events,
			webhookSecret: secret,
			webhookOptions: options,
		});
		return true;
	}

	/**
	 * Sends the changes and makes sure they took effect, from the answer or else by reading the hook
	 * again. A secret the answer does not confirm replaces the hook instead (false, on to `create`).
	 */
	private async update(id: string, changes: WebhookFields): Promise<boolean> {
		const answer = await this.unlessGone(putWebhook.call(this.context, id, changes, this.retry));
		if (!answer) {
			this.context.logger.info(
				`Kakiyo webhook ${id} disappeared while being updated; registering a new one`,
			);
			this.state.clear();
			return false;
		}
		const verdict = judgeUpdate(changes, answer, id);
		if (verdict.kind === 'contradicted') throw notApplied(this.context, id, verdict.judgement);
		if (verdict.kind === 'replace') {
			this.context.logger.info(
				`Kakiyo's answer does not confirm the new signing secret of webhook ${id}; replacing the webhook`,
			);
			await this.remove(id);
			this.state.clear();
			return false;
		}
		if (verdict.kind === 'reread') {
			const reread = await getWebhook.call(this.context, id, this.retry);
			const second = judgeReread(changes, reread, verdict.unconfirmed);
			if (second.kind === 'contradicted') throw notApplied(this.context, id, second.judgement);
			if (second.kind === 'unknown') throw notConfirmed(this.context, id, second.fields);
		}
		return true;
	}
}
