import type { IDataObject } from 'n8n-workflow';
import { findWebhook } from '../../../shared/webhooksApi';
import { toJsonObject } from '../../engine/outputs';

// Any field naming a secret (`secret`, `signingSecret`, `secret_key`…): Kakiyo's shapes are undocumented.
const SECRET_FIELD = /secret/i;

/**
 * A webhook as the node outputs it: without its secret, which would otherwise sit in execution logs
 * and tool-call transcripts, but with `hasSecret` saying whether one is set. `hasSecret` is left out
 * when neither the answer nor the request tells, rather than guessed. (The runner also drops secrets
 * at any depth; this decides `hasSecret` while the secret is still in view.)
 */
export function publicWebhook(webhook: IDataObject, secretSent = false): IDataObject {
	const output: IDataObject = {};
	let secretSeen: boolean | undefined;
	for (const [field, value] of Object.entries(webhook)) {
		if (field === 'hasSecret' || !SECRET_FIELD.test(field)) {
			output[field] = value;
		} else {
			secretSeen = secretSeen === true || (typeof value === 'string' && value !== '');
		}
	}
	if (secretSent || secretSeen) output.hasSecret = true;
	else if (typeof output.hasSecret !== 'boolean' && secretSeen === false) output.hasSecret = false;
	return output;
}

/**
 * The webhook an answer describes: the answer itself, or the object it wraps as `{webhook: …}` or
 * `{data: …}` (Kakiyo's message kept beside it). An answer naming no webhook is kept as it came, with
 * the ID that was asked for, so that a bare `{message}` still says which webhook it was about.
 */
export function webhookIn(answer: unknown, requestedId?: string): IDataObject {
	const top = toJsonObject(answer);
	const webhook = findWebhook(top);
	if (!webhook) return requestedId && top.id === undefined ? { id: requestedId, ...top } : top;
	if (webhook === top || typeof top.message !== 'string') return webhook;
	return { ...webhook, message: top.message };
}
