import { findWebhook, type KakiyoWebhook, type WebhookFields } from '../shared/webhooksApi';
import { judge, type CheckedField, type Judgement } from './confirmation';
import { sameEvents } from './eventSelection';
import type { DeliveryOptions } from './triggerOptions';
import { sameUrl } from './webhookUrl';

/*
 * What the trigger decides about its webhook, from what Kakiyo showed and what it stored: which hooks
 * are its own, which one to keep, what to repair, and whether an answer confirms a change. Pure: no
 * call, no state, no clock. The rules are written out in docs/trigger.md.
 */

/** What the node asks for on activation: the events to register and the options to store. */
export interface Wanted {
	events: string[];
	options: DeliveryOptions;
}

/** What the trigger holds about a hook: nothing when it adopts one it found by URL. */
export interface Known {
	webhookSecret?: string;
	webhookEvents?: string[];
}

/** A hook is provably someone else's only when it shows another URL; the stored id says it was ours. */
export function mayBeOurs(hook: KakiyoWebhook, url: string): boolean {
	return hook.url === undefined || sameUrl(hook.url, url);
}

/**
 * Kakiyo's list, split: the hooks with our URL, plus the stored one unless the list shows it with
 * another URL; that one is `foreign` (a copied workflow's static data) and is never touched.
 */
export function sortListed(
	listed: KakiyoWebhook[],
	url: string,
	storedId?: string,
): { ours: KakiyoWebhook[]; foreign: KakiyoWebhook[] } {
	const isStored = (hook: KakiyoWebhook) => hook.id === storedId;
	return {
		ours: listed.filter((hook) => (isStored(hook) ? mayBeOurs(hook, url) : sameUrl(hook.url, url))),
		foreign: listed.filter((hook) => isStored(hook) && !mayBeOurs(hook, url)),
	};
}

/** Of several hooks with our URL, the one needing the fewest changes; the others are duplicates. */
export function pickKeeper(
	hooks: KakiyoWebhook[],
	events: string[],
): { keeper: KakiyoWebhook; duplicates: KakiyoWebhook[] } {
	const keeper =
		hooks.find((hook) => hook.active !== false && sameEvents(hook.events ?? [], events)) ??
		hooks.find((hook) => hook.active !== false) ??
		hooks[0];
	return { keeper, duplicates: hooks.filter((hook) => hook !== keeper) };
}

/**
 * What a hook we keep needs, besides nothing: the chosen events, enabled again, the current name,
 * and a new secret when we hold none, Kakiyo says it has none, or it was disabled (deliveries refused
 * for a secret that no longer matched are one way it got disabled). The secret itself is the caller's.
 */
export function repairs(
	hook: KakiyoWebhook,
	events: string[],
	known: Known,
	name: string,
): { changes: WebhookFields; newSecret: boolean } {
	const changes: WebhookFields = {};
	const remoteEvents = hook.events ?? known.webhookEvents;
	if (!remoteEvents || !sameEvents(remoteEvents, events)) changes.events = events;
	if (hook.active === false) changes.active = true;
	if (typeof hook.name === 'string' && hook.name.trim() !== name) changes.name = name;
	const newSecret = !known.webhookSecret || hook.hasSecret === false || hook.active === false;
	return { changes, newSecret };
}

/** Whether a deletion's answer names the webhook, as Kakiyo's `{message, id}` does. */
export function namesWebhook(answer: unknown, id: string): boolean {
	return (answer as { id?: unknown } | null)?.id === id || findWebhook(answer)?.id === id;
}

/** What an update's answer settles. A secret only the answer can confirm: Kakiyo never shows one. */
export type UpdateVerdict =
	| { kind: 'confirmed' }
	| { kind: 'contradicted'; judgement: Judgement }
	| { kind: 'replace' }
	| { kind: 'reread'; unconfirmed: CheckedField[] };

export function judgeUpdate(changes: WebhookFields, answer: unknown, id: string): UpdateVerdict {
	const shown = findWebhook(answer);
	const judgement = judge(changes, shown?.id === id ? shown : undefined);
	if (judgement.contradicted.length > 0) return { kind: 'contradicted', judgement };
	if (judgement.unconfirmed.includes('secret')) return { kind: 'replace' };
	if (judgement.unconfirmed.length > 0)
		return { kind: 'reread', unconfirmed: judgement.unconfirmed };
	return { kind: 'confirmed' };
}

/** What reading the hook again settles; a field neither showed is never taken as applied. */
export type RereadVerdict =
	| { kind: 'confirmed' }
	| { kind: 'contradicted'; judgement: Judgement }
	| { kind: 'unknown'; fields: CheckedField[] };

export function judgeReread(
	changes: WebhookFields,
	reread: KakiyoWebhook | undefined,
	unconfirmed: CheckedField[],
): RereadVerdict {
	const judgement = judge(changes, reread);
	if (judgement.contradicted.length > 0) return { kind: 'contradicted', judgement };
	const fields = judgement.unconfirmed.filter((field) => unconfirmed.includes(field));
	return fields.length > 0 ? { kind: 'unknown', fields } : { kind: 'confirmed' };
}

/**
 * What a create answer settles: the secret Kakiyo signs with (the one sent, or one it made and showed
 * in full), or what is wrong with the answer. A masked or cut-short secret could be any secret.
 */
export type CreateVerdict =
	| { kind: 'confirmed'; secret: string; kakiyoMade: boolean }
	| { kind: 'refused'; problems: string[] };

export function judgeCreated(
	sent: WebhookFields & { secret: string },
	hook: KakiyoWebhook,
): CreateVerdict {
	const judgement = judge(sent, hook);
	const hiddenSecret = judgement.otherSecret && judgement.readableSecret === undefined;
	if (judgement.contradicted.length > 0 || hiddenSecret) {
		const problems = [
			...judgement.contradicted,
			...(hiddenSecret ? ['another signing secret than the one sent'] : []),
		];
		return { kind: 'refused', problems };
	}
	const kakiyoMade = judgement.readableSecret !== undefined;
	return { kind: 'confirmed', secret: judgement.readableSecret ?? sent.secret, kakiyoMade };
}
