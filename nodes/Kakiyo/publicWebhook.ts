import type { IDataObject } from 'n8n-workflow';

// Any field naming a secret (`secret`, `signingSecret`, `secret_key`…): Kakiyo's shapes are undocumented.
const SECRET_FIELD = /secret/i;

/**
 * A webhook as the node outputs it: without its secret, which would otherwise sit in execution logs
 * and tool-call transcripts, but with `hasSecret` saying whether one is set. `hasSecret` is left out
 * when neither the answer nor the request tells, rather than guessed.
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
