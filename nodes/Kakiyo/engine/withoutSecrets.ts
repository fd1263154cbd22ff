import type { IDataObject } from 'n8n-workflow';
import { excerpt, redact } from '../../shared/transport/redaction';

// Any field naming a secret or a password (`secret`, `signingSecret`, `linkedinPassword`…): Kakiyo's
// answer shapes are mostly undocumented, so the names are matched rather than listed.
const SECRET_FIELD = /secret|password/i;
// Fields that only say whether a secret is set.
const FLAG_FIELD = /^has[A-Z]/;

function clean(value: unknown, secrets: readonly string[], depth: number): unknown {
	if (typeof value === 'string') return redact(value, secrets);
	if (!value || typeof value !== 'object') return value;
	// Deeper than any Kakiyo answer: cut (unread, so unchecked) rather than walk an answer built to
	// exhaust the stack.
	if (depth > 64) return '[nested too deep]';
	if (Array.isArray(value)) return value.map((entry) => clean(entry, secrets, depth + 1));
	const output: IDataObject = {};
	for (const [field, entry] of Object.entries(value as IDataObject)) {
		if (SECRET_FIELD.test(field) && !FLAG_FIELD.test(field)) continue;
		output[field] = clean(entry, secrets, depth + 1) as IDataObject[keyof IDataObject];
	}
	return output;
}

/**
 * An output item as it may leave the node: without any field holding a secret or a password, at any
 * depth, and with every known secret value (the API key, a typed password or webhook secret) replaced
 * wherever Kakiyo echoed it, in every form errors recognise too (trimmed, URL- or JSON-escaped).
 * Output items end up in execution logs and AI agents' transcripts.
 */
export function withoutSecrets(json: IDataObject, secrets: readonly string[]): IDataObject {
	return clean(json, secrets, 0) as IDataObject;
}

/**
 * A value (Kakiyo's answer) as a text may quote it: as `withoutSecrets` leaves it, as JSON, the
 * secrets redacted again from the whole text (a field's name may hold one too), and only then
 * shortened to `max` characters, so that no secret is cut beyond recognition first.
 */
export function quoted(value: unknown, secrets: readonly string[], max: number): string {
	const text = JSON.stringify(clean(value, secrets, 0)) ?? String(value);
	return excerpt(redact(text, secrets), max);
}
