import { NodeOperationError, type IHookFunctions } from 'n8n-workflow';
import { randomBytes } from 'crypto';
import { isKakiyoNotFound } from '../shared/apiError';
import { isNodeError } from '../shared/nodeError';
import { KAKIYO_CREDENTIAL } from '../shared/transport';
import {
	createWebhook,
	deleteWebhook,
	findWebhook,
	getWebhook,
	listWebhooks,
	putWebhook,
	type KakiyoWebhook,
	type WebhookFields,
} from '../shared/webhooksApi';
import { judge, type CheckedField, type Judgement } from './confirmation';
import { chosenEvents, sameEvents } from './eventSelection';
import { hookName } from './hookName';
import { assertKakiyoCanReach } from './reachability';
import { usableOptions, type DeliveryOptions } from './triggerOptions';
import { TriggerStateStore } from './triggerState';
import type { TriggerRuntime } from './triggerRuntime';
import { sameUrl } from './webhookUrl';

/**
 * n8n's webhook lifecycle for the trigger. Every Kakiyo call costs the customer a credit, so each
 * path makes as few as it can: a healthy hook costs one GET on activation. A remote hook is ours
 * only when its URL is this node's webhook URL; nothing else is ever changed or deleted. Nothing is
 * stored that Kakiyo did not confirm: an odd answer fails activation rather than leave the trigger
 * with a secret or events Kakiyo does not have.
 *
 * Within one n8n process the three steps run one at a time per webhook URL, and what one activation
 * stored the next one finds in the process's memory even when its own copy of the static data is
 * older: two activations of one workflow at the same moment end with one hook and one secret.
 */

/** What the node asks for on activation: the events to register and the options to store. */
interface Wanted {
	events: string[];
	options: DeliveryOptions;
}

function generateSecret(): string {
	return randomBytes(32).toString('hex');
}

function notApplied(context: IHookFunctions, id: string, judgement: Judgement): NodeOperationError {
	return new NodeOperationError(
		context.getNode(),
		`Kakiyo did not apply the update to webhook ${id}`,
		{
			description: `Kakiyo answered that the webhook has ${judgement.contradicted.join(', ')}. Nothing was stored. Check the webhook in the Kakiyo dashboard, or delete it there and activate this workflow again.`,
		},
	);
}

function notConfirmed(
	context: IHookFunctions,
	id: string,
	fields: CheckedField[],
): NodeOperationError {
	return new NodeOperationError(
		context.getNode(),
		`Kakiyo did not confirm the update to webhook ${id}`,
		{
			description: `Neither Kakiyo's answer nor reading the webhook again shows its ${fields.join(', ')}, so whether the update took effect is unknown. Nothing was stored. Check the webhook in the Kakiyo dashboard, or delete it there and activate this workflow again.`,
		},
	);
}

/** Whether a deletion's answer names the webhook, as Kakiyo's `{message, id}` does. */
function namesWebhook(answer: unknown, id: string): boolean {
	return (answer as { id?: unknown } | null)?.id === id || findWebhook(answer)?.id === id;
}

/** Of several hooks with our URL, the one needing the fewest changes. */
function pickKeeper(hooks: KakiyoWebhook[], events: string[]): KakiyoWebhook {
	return (
		hooks.find((hook) => hook.active !== false && sameEvents(hook.events ?? [], events)) ??
		hooks.find((hook) => hook.active !== false) ??
		hooks[0]
	);
}

/** One run of one lifecycle step, for one trigger's webhook URL. */
class HookLifecycle {
	readonly url: string;

	private readonly state: TriggerStateStore;

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

	private desiredName(): string {
		return hookName(
			this.context,
			this.context.getNodeParameter('options.webhookName', '') as string,
		);
	}

	/**
	 * Runs a call about one hook; undefined when Kakiyo says the hook is gone (its `not_found`). Any
	 * other failure goes on: an n8n error as it is, anything else wrapped in one.
	 */
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
	private async ownHook(id: string): Promise<KakiyoWebhook | undefined> {
		const hook = await this.unlessGone(getWebhook.call(this.context, id, this.retry));
		if (!hook) {
			this.context.logger.info(
				`Kakiyo webhook ${id} no longer exists; looking for this trigger's webhook by URL`,
			);
			return undefined;
		}
		if (this.mayBeOurs(hook)) return hook;
		this.disown(hook);
		return undefined;
	}

	/** Whether a hook could be ours: the id was stored by this trigger; only another URL disowns it. */
	private mayBeOurs(hook: KakiyoWebhook): boolean {
		return hook.url === undefined || sameUrl(hook.url, this.url);
	}

	/**
	 * Forgets a stored hook that delivers to another URL (static data copied with a workflow, or an old
	 * base URL), at once: if a later call fails, n8n's clean-up runs `delete`, which must not find the
	 * id. The hook itself is not provably ours and is left alone.
	 */
	private disown(hook: KakiyoWebhook): void {
		this.state.clear();
		this.context.logger.warn(
			`Kakiyo webhook ${hook.id} delivers to another URL (${String(hook.url)}); it is not this trigger's webhook and is left untouched`,
		);
	}

	/**
	 * The hooks Kakiyo lists for this trigger's URL, and the stored one unless the list shows it with
	 * another URL (one listed without a URL is trusted, as `ownHook` trusts it).
	 */
	private async listOurs(storedId?: string): Promise<KakiyoWebhook[]> {
		const listed = await listWebhooks.call(this.context, this.retry);
		return listed.filter((hook) => {
			if (hook.id !== storedId) return sameUrl(hook.url, this.url);
			if (this.mayBeOurs(hook)) return true;
			this.disown(hook);
			return false;
		});
	}

	/**
	 * Deletes a hook and makes sure it is gone. An answer that names the hook confirms it; any other
	 * (an empty object, a message) is checked by reading the hook, which must be not_found. Kakiyo's
	 * not_found counts as already deleted: every caller has just seen the hook, in the list or by id,
	 * so this is the Kakiyo API and not a base URL where every route is not found.
	 */
	private async remove(id: string): Promise<void> {
		const deleted = await this.unlessGone(
			deleteWebhook.call(this.context, id, this.retry).then((answer) => ({ answer })),
		);
		if (deleted) {
			if (namesWebhook(deleted.answer, id)) return;
			const still = await this.unlessGone(getWebhook.call(this.context, id, this.retry));
			if (!still) return;
			throw new NodeOperationError(this.context.getNode(), `Kakiyo did not delete webhook ${id}`, {
				description: `Kakiyo answered the deletion of webhook ${id} as a success, yet still shows the webhook. Nothing was changed in n8n; deactivate the workflow again, or delete the webhook in the Kakiyo dashboard.`,
			});
		}
		this.context.logger.debug(`Kakiyo webhook ${id} was already deleted`);
	}

	/**
	 * Sends the changes and makes sure they took effect, from the answer when it shows them,
	 * otherwise by reading the webhook again. A new secret can only be confirmed by the answer (Kakiyo
	 * never shows a stored secret): when it does not confirm one, the hook is replaced by a new one
	 * instead, and false sends n8n on to `create`. Throws when Kakiyo contradicts a change, or when
	 * neither the answer nor the webhook read again shows it.
	 */
	private async applyChanges(id: string, changes: WebhookFields): Promise<boolean> {
		const answer = await this.unlessGone(putWebhook.call(this.context, id, changes, this.retry));
		if (!answer) {
			this.context.logger.info(
				`Kakiyo webhook ${id} disappeared while being updated; registering a new one`,
			);
			this.state.clear();
			return false;
		}
		const shown = findWebhook(answer);
		const fromAnswer = judge(changes, shown?.id === id ? shown : undefined);
		if (fromAnswer.contradicted.length > 0) throw notApplied(this.context, id, fromAnswer);

		if (fromAnswer.unconfirmed.includes('secret')) {
			this.context.logger.info(
				`Kakiyo's answer does not confirm the new signing secret of webhook ${id}; replacing the webhook`,
			);
			await this.remove(id);
			this.state.clear();
			return false;
		}
		if (fromAnswer.unconfirmed.length > 0) {
			const reread = judge(changes, await getWebhook.call(this.context, id, this.retry));
			if (reread.contradicted.length > 0) throw notApplied(this.context, id, reread);
			// What neither showed may or may not have taken effect: never stored as applied.
			const unknown = reread.unconfirmed.filter((field) => fromAnswer.unconfirmed.includes(field));
			if (unknown.length > 0) throw notConfirmed(this.context, id, unknown);
		}
		return true;
	}

	/**
	 * Brings a hook we own in line with the node: the chosen events, enabled (Kakiyo disables a hook
	 * after 4 failed deliveries), the current name, and a secret we hold. One PUT when anything is
	 * off, none otherwise. A disabled hook also gets a new secret: deliveries refused for a secret
	 * that no longer matches are one way it got disabled. Returns false when the hook is gone or was
	 * replaced, so that `create` runs.
	 */
	private async reconcile(
		hook: KakiyoWebhook,
		{ events, options }: Wanted,
		known: { webhookSecret?: string; webhookEvents?: string[] },
	): Promise<boolean> {
		const changes: WebhookFields = {};
		const remoteEvents = hook.events ?? known.webhookEvents;
		if (!remoteEvents || !sameEvents(remoteEvents, events)) changes.events = events;
		if (hook.active === false) changes.active = true;
		const name = this.desiredName();
		if (typeof hook.name === 'string' && hook.name.trim() !== name) changes.name = name;
		let secret = known.webhookSecret;
		if (!secret || hook.hasSecret === false || hook.active === false) {
			secret = generateSecret();
			changes.secret = secret;
			// Kakiyo may apply the new secret even if its answer is lost: the old one is no longer trusted.
			this.state.forgetSecret();
		}

		if (Object.keys(changes).length > 0) {
			if (!(await this.applyChanges(hook.id, changes))) return false;
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
	 * Is this trigger's webhook registered and healthy? The stored id is the fast path (one call).
	 * When it is missing or gone, the list is searched for hooks with our URL: one is adopted and
	 * repaired with a fresh secret (static data lost means the secret is lost too), any others are
	 * deleted so a trigger never has two hooks. False sends n8n on to `create`.
	 */
	async checkExists(wanted: Wanted): Promise<boolean> {
		const state = this.state.read();
		if (state.webhookId) {
			const stored = await this.ownHook(state.webhookId);
			if (stored) return await this.reconcile(stored, wanted, state);
		}

		const ours = await this.listOurs();
		// Only now, with the list read, is a stored hook answered not_found known to be gone: a wrong
		// base URL answers not_found for every route. (One with another URL was forgotten at once.)
		if (state.webhookId) this.state.clear();
		if (ours.length === 0) return false;
		const keeper = pickKeeper(ours, wanted.events);
		for (const extra of ours.filter((hook) => hook !== keeper)) {
			this.context.logger.info(`Deleting duplicate Kakiyo webhook ${extra.id} for ${this.url}`);
			await this.remove(extra.id);
		}
		return await this.reconcile(keeper, wanted, {});
	}

	/**
	 * Registers the webhook with a fresh secret and remembers it; or, when another activation in this
	 * process registered it since `checkExists`, keeps that one. Refuses a URL the hosted Kakiyo API
	 * could never call. Nothing is stored unless Kakiyo's answer names the hook and contradicts
	 * nothing that was sent.
	 *
	 * The secret: Kakiyo may make its own and return it, once, in the create answer (the contract says
	 * to handle that). A secret shown there in full, other than the one sent, is that one, the one
	 * Kakiyo signs with, and is kept. A masked or cut-short one (`whsec_****`) could be any secret and
	 * fails activation, as the trigger could not tell which one Kakiyo signs with. An update's answer
	 * never supplies a secret (see `applyChanges`): it only confirms the one sent, or the hook is
	 * replaced and this create answer decides.
	 */
	async create(wanted: Wanted): Promise<boolean> {
		const { events, options } = wanted;
		const credential = await this.context.getCredentials<{ url?: string }>(KAKIYO_CREDENTIAL);
		assertKakiyoCanReach(this.context.getNode(), this.url, credential.url);

		const meanwhile = this.state.remembered();
		if (meanwhile) {
			const hook = await this.ownHook(meanwhile.webhookId);
			if (hook && (await this.reconcile(hook, wanted, meanwhile))) return true;
			if (!hook) this.state.clear();
		}

		const fields = { name: this.desiredName(), url: this.url, events, secret: generateSecret() };
		const hook = await createWebhook.call(this.context, fields, this.retry);
		const judgement = judge(fields, hook);
		const hiddenSecret = judgement.otherSecret && judgement.readableSecret === undefined;
		if (judgement.contradicted.length > 0 || hiddenSecret) {
			const problems = [
				...judgement.contradicted,
				...(hiddenSecret ? ['another signing secret than the one sent'] : []),
			];
			throw new NodeOperationError(
				this.context.getNode(),
				`Kakiyo did not confirm the new webhook ${hook.id}`,
				{
					description: `Kakiyo answered that the new webhook has ${problems.join(', ')}. Nothing was stored; activating again adopts the webhook by its URL and repairs it. If this repeats, check the webhook in the Kakiyo dashboard.`,
				},
			);
		}
		if (judgement.readableSecret !== undefined) {
			this.context.logger.info(
				`Kakiyo made its own signing secret for webhook ${hook.id}; the trigger verifies deliveries with it`,
			);
		}
		this.state.save({
			webhookId: hook.id,
			webhookEvents: events,
			webhookSecret: judgement.readableSecret ?? fields.secret,
			webhookOptions: options,
		});
		return true;
	}

	/**
	 * Removes this trigger's webhooks: every hook Kakiyo lists with our URL (a duplicate left by a
	 * request whose answer was lost, or by another n8n main, included) and the stored one, unless the
	 * list shows it with another URL: that hook is someone else's (a copied workflow's static data) and
	 * is never deleted. A hook the list no longer shows is gone. Reading the list costs the call that
	 * reading the stored hook to check its URL would. Kakiyo's not_found for a hook counts as done, so
	 * running it twice is safe; any other failure, a bare 404 included, throws, keeping the state, and
	 * n8n retries.
	 */
	async delete(): Promise<boolean> {
		const { webhookId } = this.state.read();
		for (const hook of await this.listOurs(webhookId)) await this.remove(hook.id);
		this.state.clear();
		return true;
	}
}

/** Runs one step with the options checked first, then one at a time for the trigger's URL. */
async function step<T>(
	context: IHookFunctions,
	runtime: TriggerRuntime,
	work: (lifecycle: HookLifecycle) => Promise<T>,
): Promise<T> {
	const lifecycle = new HookLifecycle(context, runtime);
	return await runtime.lock.run(lifecycle.url, async () => await work(lifecycle));
}

/** The events and options, read once per step and checked before anything is registered. */
function wantedBy(context: IHookFunctions): Wanted {
	return { events: chosenEvents(context), options: usableOptions(context) };
}

export async function checkExists(this: IHookFunctions, runtime: TriggerRuntime): Promise<boolean> {
	const wanted = wantedBy(this);
	return await step(this, runtime, async (lifecycle) => await lifecycle.checkExists(wanted));
}

export async function create(this: IHookFunctions, runtime: TriggerRuntime): Promise<boolean> {
	const wanted = wantedBy(this);
	return await step(this, runtime, async (lifecycle) => await lifecycle.create(wanted));
}

export async function deleteHook(this: IHookFunctions, runtime: TriggerRuntime): Promise<boolean> {
	return await step(this, runtime, async (lifecycle) => await lifecycle.delete());
}
