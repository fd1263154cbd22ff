import { NodeOperationError, type IHookFunctions } from 'n8n-workflow';
import { randomBytes } from 'crypto';
import { isNotFoundError } from '../shared/apiError';
import { isNodeError } from '../shared/nodeError';
import { KAKIYO_CREDENTIAL } from '../shared/transport';
import {
	createWebhook,
	deleteWebhook,
	getWebhook,
	listWebhooks,
	updateWebhook,
	type KakiyoWebhook,
	type WebhookFields,
} from '../shared/webhooksApi';
import { chosenEvents, sameEvents } from './eventSelection';
import { hookName } from './hookName';
import { assertKakiyoCanReach } from './reachability';
import { assertUsableOptions } from './triggerOptions';
import { clearState, readState, saveState } from './triggerState';
import type { TriggerRuntime } from './triggerRuntime';

/**
 * n8n's webhook lifecycle for the trigger. Every Kakiyo call costs the customer a credit, so each
 * path makes as few as it can: a healthy hook costs one GET on activation. A remote hook is ours
 * only when its URL is this node's webhook URL; nothing else is ever changed or deleted.
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

/** A secret Kakiyo made and returned itself wins over the one we sent. */
function secretFrom(answer: KakiyoWebhook, sent: string): string {
	return typeof answer.secret === 'string' && answer.secret ? answer.secret : sent;
}

/** The URL as a server would read it: host case, default port and a trailing slash make no difference. */
function normalizeUrl(url: string): string {
	try {
		return new URL(url.trim()).href.replace(/\/+$/, '');
	} catch {
		return url.trim();
	}
}

function sameUrl(remote: unknown, ours: string): boolean {
	return typeof remote === 'string' && normalizeUrl(remote) === normalizeUrl(ours);
}

/**
 * Runs a call about one hook; undefined when Kakiyo says the hook is gone (404). Any other failure
 * goes on: an n8n error as it is, anything else wrapped in one.
 */
async function unlessGone<T>(context: IHookFunctions, call: Promise<T>): Promise<T | undefined> {
	try {
		return await call;
	} catch (error) {
		if (isNotFoundError(error)) return undefined;
		throw isNodeError(error) ? error : new NodeOperationError(context.getNode(), error as Error);
	}
}

/** Deletes a hook; one that is already gone counts as deleted. */
async function remove(context: IHookFunctions, runtime: TriggerRuntime, id: string): Promise<void> {
	const deleted = await unlessGone(
		context,
		deleteWebhook.call(context, id, runtime.retry).then(() => true),
	);
	if (!deleted) context.logger.debug(`Kakiyo webhook ${id} was already deleted`);
}

/** Of several hooks with our URL, the one needing the fewest changes. */
function pickKeeper(hooks: KakiyoWebhook[], events: string[]): KakiyoWebhook {
	return (
		hooks.find((hook) => hook.active !== false && sameEvents(hook.events ?? [], events)) ??
		hooks.find((hook) => hook.active !== false) ??
		hooks[0]
	);
}

/**
 * Brings a hook we own in line with the node: the chosen events, enabled (Kakiyo disables a hook
 * after 4 failed deliveries), the current name, and a secret we hold. One PUT when anything is off,
 * none otherwise. Returns false when the hook vanished meanwhile, so that `create` runs.
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
	if (!secret || hook.hasSecret === false) {
		secret = generateSecret();
		changes.secret = secret;
	}

	if (Object.keys(changes).length > 0) {
		const updated = await unlessGone(
			context,
			updateWebhook.call(context, hook.id, changes, runtime.retry),
		);
		if (!updated) {
			context.logger.info(
				`Kakiyo webhook ${hook.id} disappeared while being updated; registering a new one`,
			);
			clearState(context);
			return false;
		}
		assertApplied(context, updated, changes);
		context.logger.info(`Updated Kakiyo webhook ${hook.id} (${Object.keys(changes).join(', ')})`);
		secret = secretFrom(updated, secret);
	}
	saveState(context, { webhookId: hook.id, webhookEvents: events, webhookSecret: secret });
	return true;
}

/** Kakiyo's update endpoint is undocumented: an answer that contradicts the change must not pass silently. */
function assertApplied(
	context: IHookFunctions,
	updated: KakiyoWebhook,
	changes: WebhookFields,
): void {
	const eventsIgnored =
		changes.events && updated.events && !sameEvents(updated.events, changes.events);
	const stillDisabled = changes.active && updated.active === false;
	if (eventsIgnored || stillDisabled) {
		throw new NodeOperationError(
			context.getNode(),
			`Kakiyo did not apply the update to webhook ${updated.id}`,
			{
				description: `Kakiyo answered with events [${(updated.events ?? []).join(', ')}] and active=${String(updated.active)}. Check the webhook in the Kakiyo dashboard, or delete it there and activate this workflow again.`,
			},
		);
	}
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
		clearState(this);
	}

	const ours = (await listWebhooks.call(this, runtime.retry)).filter((hook) =>
		sameUrl(hook.url, url),
	);
	if (ours.length === 0) return false;
	const keeper = pickKeeper(ours, events);
	for (const extra of ours.filter((hook) => hook !== keeper)) {
		this.logger.info(`Deleting duplicate Kakiyo webhook ${extra.id} for ${url}`);
		await remove(this, runtime, extra.id);
	}
	return await reconcile(this, runtime, keeper, events, undefined, undefined);
}

/**
 * Registers the webhook with a fresh secret (or the one Kakiyo makes) and remembers it. Refuses a URL
 * the hosted Kakiyo API could never call. Nothing is stored unless Kakiyo confirmed the hook.
 */
export async function create(this: IHookFunctions, runtime: TriggerRuntime): Promise<boolean> {
	const url = webhookUrl(this);
	const events = chosenEvents(this);
	assertUsableOptions(this);
	const credential = await this.getCredentials<{ baseUrl?: string }>(KAKIYO_CREDENTIAL);
	assertKakiyoCanReach(this.getNode(), url, credential.baseUrl);

	const secret = generateSecret();
	const hook = await createWebhook.call(
		this,
		{ name: desiredName(this), url, events, secret },
		runtime.retry,
	);
	saveState(this, {
		webhookId: hook.id,
		webhookEvents: events,
		webhookSecret: secretFrom(hook, secret),
	});
	return true;
}

/**
 * Removes this trigger's webhook: the stored one, or (static data lost) every hook with our URL.
 * A 404 counts as done, so running it twice is safe; any other failure throws, and n8n retries.
 */
export async function deleteHook(this: IHookFunctions, runtime: TriggerRuntime): Promise<boolean> {
	const { webhookId } = readState(this);
	const ids = webhookId
		? [webhookId]
		: (await listWebhooks.call(this, runtime.retry))
				.filter((hook) => sameUrl(hook.url, webhookUrl(this)))
				.map((hook) => hook.id);
	for (const id of ids) await remove(this, runtime, id);
	clearState(this);
	return true;
}
