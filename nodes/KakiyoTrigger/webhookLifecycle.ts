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
import { judge, type Judgement } from './confirmation';
import { chosenEvents, sameEvents } from './eventSelection';
import { hookName } from './hookName';
import { assertKakiyoCanReach } from './reachability';
import { assertUsableOptions } from './triggerOptions';
import { clearState, forgetSecret, readState, saveState } from './triggerState';
import type { TriggerRuntime } from './triggerRuntime';
import { sameUrl } from './webhookUrl';

/**
 * n8n's webhook lifecycle for the trigger. Every Kakiyo call costs the customer a credit, so each
 * path makes as few as it can: a healthy hook costs one GET on activation. A remote hook is ours
 * only when its URL is this node's webhook URL; nothing else is ever changed or deleted. Nothing is
 * stored that Kakiyo did not confirm: an odd answer fails activation rather than leave the trigger
 * with a secret or events Kakiyo does not have.
 */

function generateSecret(): string {
	return randomBytes(32).toString('hex');
}

function webhookUrl(context: IHookFunctions): string {
	return context.getNodeWebhookUrl('default') as string;
}

function desiredName(context: IHookFunctions): string {
	return hookName(context, context.getNodeParameter('options.webhookName', '') as string);
}

/**
 * Runs a call about one hook; undefined when Kakiyo says the hook is gone (its `not_found`). Any other
 * failure goes on: an n8n error as it is, anything else wrapped in one.
 */
async function unlessGone<T>(context: IHookFunctions, call: Promise<T>): Promise<T | undefined> {
	try {
		return await call;
	} catch (error) {
		if (isKakiyoNotFound(error)) return undefined;
		throw isNodeError(error) ? error : new NodeOperationError(context.getNode(), error as Error);
	}
}

/**
 * Deletes a hook; one that is already gone counts as deleted. With `confirm`, Kakiyo's not_found is
 * checked against the list first: only a list that answers, without the hook, shows that this is the
 * Kakiyo API and the hook is gone. Hooks just read from the list need no such check.
 */
async function remove(
	context: IHookFunctions,
	runtime: TriggerRuntime,
	id: string,
	confirm = false,
): Promise<void> {
	const deleted = await unlessGone(
		context,
		deleteWebhook.call(context, id, runtime.retry).then(() => true),
	);
	if (deleted) return;
	if (confirm && (await listWebhooks.call(context, runtime.retry)).some((hook) => hook.id === id)) {
		throw new NodeOperationError(context.getNode(), `Kakiyo did not delete webhook ${id}`, {
			description: `Kakiyo answered that webhook ${id} was not found, yet still lists it. Delete it in the Kakiyo dashboard, or deactivate this workflow again later.`,
		});
	}
	context.logger.debug(`Kakiyo webhook ${id} was already deleted`);
}

/** Of several hooks with our URL, the one needing the fewest changes. */
function pickKeeper(hooks: KakiyoWebhook[], events: string[]): KakiyoWebhook {
	return (
		hooks.find((hook) => hook.active !== false && sameEvents(hook.events ?? [], events)) ??
		hooks.find((hook) => hook.active !== false) ??
		hooks[0]
	);
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

/**
 * Sends the changes and makes sure they took effect, from the answer when it shows them, otherwise
 * by reading the webhook again. A new secret can only be confirmed by the answer (Kakiyo never shows
 * a stored secret): when it does not confirm one, the hook is replaced by a new one instead, and
 * false sends n8n on to `create`. Throws when Kakiyo contradicts a change.
 */
async function applyChanges(
	context: IHookFunctions,
	runtime: TriggerRuntime,
	id: string,
	changes: WebhookFields,
): Promise<boolean> {
	const answer = await unlessGone(context, putWebhook.call(context, id, changes, runtime.retry));
	if (!answer) {
		context.logger.info(
			`Kakiyo webhook ${id} disappeared while being updated; registering a new one`,
		);
		clearState(context);
		return false;
	}
	const shown = findWebhook(answer);
	const echoed = shown?.id === id ? shown : undefined;
	const fromAnswer = judge(changes, echoed);
	if (fromAnswer.contradicted.length > 0) throw notApplied(context, id, fromAnswer);

	if (fromAnswer.unconfirmed.includes('secret')) {
		context.logger.info(
			`Kakiyo's answer does not confirm the new signing secret of webhook ${id}; replacing the webhook`,
		);
		await remove(context, runtime, id);
		clearState(context);
		return false;
	}
	if (fromAnswer.unconfirmed.length > 0) {
		const fresh = await getWebhook.call(context, id, runtime.retry);
		const reread = judge(changes, fresh);
		if (reread.contradicted.length > 0) throw notApplied(context, id, reread);
	}
	return true;
}

/**
 * Brings a hook we own in line with the node: the chosen events, enabled (Kakiyo disables a hook
 * after 4 failed deliveries), the current name, and a secret we hold. One PUT when anything is off,
 * none otherwise. A disabled hook also gets a new secret: deliveries refused for a secret that no
 * longer matches are one way it got disabled. Returns false when the hook is gone or was replaced,
 * so that `create` runs.
 */
async function reconcile(
	context: IHookFunctions,
	runtime: TriggerRuntime,
	hook: KakiyoWebhook,
	events: string[],
	knownSecret: string | undefined,
	knownEvents: string[] | undefined,
): Promise<boolean> {
	const changes: WebhookFields = {};
	const remoteEvents = hook.events ?? knownEvents;
	if (!remoteEvents || !sameEvents(remoteEvents, events)) changes.events = events;
	if (hook.active === false) changes.active = true;
	const name = desiredName(context);
	if (typeof hook.name === 'string' && hook.name.trim() !== name) changes.name = name;
	let secret = knownSecret;
	if (!secret || hook.hasSecret === false || hook.active === false) {
		secret = generateSecret();
		changes.secret = secret;
		// Kakiyo may apply the new secret even if its answer is lost: the old one is no longer trusted.
		forgetSecret(context);
	}

	if (Object.keys(changes).length > 0) {
		if (!(await applyChanges(context, runtime, hook.id, changes))) return false;
		context.logger.info(`Updated Kakiyo webhook ${hook.id} (${Object.keys(changes).join(', ')})`);
	}
	saveState(context, { webhookId: hook.id, webhookEvents: events, webhookSecret: secret });
	return true;
}

/**
 * Is this trigger's webhook registered and healthy? The stored id is the fast path (one call). When
 * it is missing or gone, the list is searched for hooks with our URL: one is adopted and repaired
 * with a fresh secret (static data lost means the secret is lost too), any others are deleted so a
 * trigger never has two hooks. False sends n8n on to `create`.
 */
export async function checkExists(this: IHookFunctions, runtime: TriggerRuntime): Promise<boolean> {
	const url = webhookUrl(this);
	const events = chosenEvents(this);
	assertUsableOptions(this);
	const state = readState(this);

	if (state.webhookId) {
		const stored = await unlessGone(this, getWebhook.call(this, state.webhookId, runtime.retry));
		// The id was stored by this trigger; only a URL Kakiyo reports as different disowns it.
		if (stored && (stored.url === undefined || sameUrl(stored.url, url))) {
			return await reconcile(
				this,
				runtime,
				stored,
				events,
				state.webhookSecret,
				state.webhookEvents,
			);
		}
		if (!stored) {
			this.logger.info(
				`Kakiyo webhook ${state.webhookId} no longer exists; looking for this trigger's webhook by URL`,
			);
		} else {
			// Static data copied from another workflow, or an old base URL: not provably ours, left alone.
			this.logger.warn(
				`Kakiyo webhook ${stored.id} delivers to another URL (${String(stored.url)}); leaving it untouched and looking for this trigger's own webhook`,
			);
		}
	}

	const ours = (await listWebhooks.call(this, runtime.retry)).filter((hook) =>
		sameUrl(hook.url, url),
	);
	// Only now, with the list read, is the stored hook known to be gone (or not ours).
	if (state.webhookId) clearState(this);
	if (ours.length === 0) return false;
	const keeper = pickKeeper(ours, events);
	for (const extra of ours.filter((hook) => hook !== keeper)) {
		this.logger.info(`Deleting duplicate Kakiyo webhook ${extra.id} for ${url}`);
		await remove(this, runtime, extra.id);
	}
	return await reconcile(this, runtime, keeper, events, undefined, undefined);
}

/**
 * Registers the webhook with a fresh secret and remembers it. Refuses a URL the hosted Kakiyo API
 * could never call. Nothing is stored unless Kakiyo's answer names the hook and contradicts nothing
 * that was sent; a secret in the answer is never taken over the one sent, and another one there
 * (masked, or made by Kakiyo) fails activation, as the trigger could not tell which one Kakiyo signs with.
 */
export async function create(this: IHookFunctions, runtime: TriggerRuntime): Promise<boolean> {
	const url = webhookUrl(this);
	const events = chosenEvents(this);
	assertUsableOptions(this);
	const credential = await this.getCredentials<{ baseUrl?: string }>(KAKIYO_CREDENTIAL);
	assertKakiyoCanReach(this.getNode(), url, credential.baseUrl);

	const fields = { name: desiredName(this), url, events, secret: generateSecret() };
	const hook = await createWebhook.call(this, fields, runtime.retry);
	const judgement = judge(fields, hook);
	if (judgement.contradicted.length > 0 || judgement.otherSecret) {
		const problems = [
			...judgement.contradicted,
			...(judgement.otherSecret ? ['another signing secret than the one sent'] : []),
		];
		throw new NodeOperationError(
			this.getNode(),
			`Kakiyo did not confirm the new webhook ${hook.id}`,
			{
				description: `Kakiyo answered that the new webhook has ${problems.join(', ')}. Nothing was stored; activating again adopts the webhook by its URL and repairs it. If this repeats, check the webhook in the Kakiyo dashboard.`,
			},
		);
	}
	saveState(this, { webhookId: hook.id, webhookEvents: events, webhookSecret: fields.secret });
	return true;
}

/**
 * Removes this trigger's webhook: the stored one, or (static data lost) every hook with our URL.
 * Kakiyo's not_found for the hook counts as done, so running it twice is safe; any other failure,
 * a bare 404 included, throws, keeping the state, and n8n retries.
 */
export async function deleteHook(this: IHookFunctions, runtime: TriggerRuntime): Promise<boolean> {
	const { webhookId } = readState(this);
	const ids = webhookId
		? [webhookId]
		: (await listWebhooks.call(this, runtime.retry))
				.filter((hook) => sameUrl(hook.url, webhookUrl(this)))
				.map((hook) => hook.id);
	for (const id of ids) await remove(this, runtime, id, id === webhookId);
	clearState(this);
	return true;
}
