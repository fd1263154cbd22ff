import type { KakiyoWebhook, WebhookFields } from '../shared/webhooksApi';
import { sameEvents } from './eventSelection';
import { sameUrl } from './webhookUrl';

/** The fields whose values the trigger relies on; the name is cosmetic (Kakiyo may shorten it). */
export type CheckedField = 'url' | 'events' | 'active' | 'secret';

/** What an answer, or a fresh read of the webhook, says about the fields sent. */
export interface Judgement {
	/** Fields shown with another value than the one sent, in words: Kakiyo did not apply them. */
	contradicted: string[];
	/** Fields the answer does not confirm: not shown, or (the secret) shown as another value. */
	unconfirmed: CheckedField[];
	/** The answer shows a signing secret, but not the one sent (masked, or one Kakiyo made). */
	otherSecret: boolean;
	/** That other secret, when it is shown in full: one Kakiyo made itself (see `create`). */
	readableSecret?: string;
}

/** Shorter than this, a secret shown is a cut-off prefix, not a key anyone signs with. */
const MIN_SECRET_LENGTH = 16;

/**
 * A secret shown in full, or undefined for one shown hidden or cut short (`whsec_****`, `a1b2…`, a
 * few leading characters): such a value is never a secret to verify deliveries with.
 */
export function readableSecret(value: unknown): string | undefined {
	if (typeof value !== 'string' || value.length < MIN_SECRET_LENGTH) return undefined;
	return /[*•…\s]|\.\.\./.test(value) ? undefined : value;
}

/**
 * Judges what Kakiyo showed against what was sent. A field is confirmed when shown with the value
 * sent. The secret is confirmed when echoed exactly, or by an answer that describes the webhook
 * without showing any secret, as Kakiyo shows a webhook (it never reveals a stored secret); another
 * secret confirms nothing, and its value is never repeated.
 */
export function judge(sent: WebhookFields, shown: KakiyoWebhook | undefined): Judgement {
	const judgement: Judgement = { contradicted: [], unconfirmed: [], otherSecret: false };
	const unconfirmed = (field: CheckedField) => judgement.unconfirmed.push(field);

	if (sent.url !== undefined) {
		if (typeof shown?.url !== 'string') unconfirmed('url');
		else if (!sameUrl(shown.url, sent.url)) judgement.contradicted.push(`URL ${shown.url}`);
	}
	if (sent.events !== undefined) {
		if (!Array.isArray(shown?.events)) unconfirmed('events');
		else if (!sameEvents(shown.events, sent.events)) {
			judgement.contradicted.push(`events [${shown.events.join(', ')}]`);
		}
	}
	if (sent.active !== undefined) {
		if (typeof shown?.active !== 'boolean') unconfirmed('active');
		else if (shown.active !== sent.active) judgement.contradicted.push(`active: ${shown.active}`);
	}
	if (sent.secret !== undefined) {
		const echoed = shown?.secret as unknown;
		if (shown === undefined) unconfirmed('secret');
		else if (shown.hasSecret === false || echoed === '' || echoed === null) {
			judgement.contradicted.push('no signing secret');
		} else if (echoed !== undefined && echoed !== sent.secret) {
			judgement.otherSecret = true;
			const readable = readableSecret(echoed);
			if (readable !== undefined) judgement.readableSecret = readable;
			unconfirmed('secret');
		}
	}
	return judgement;
}
