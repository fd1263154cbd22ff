import type { IDataObject } from 'n8n-workflow';
import { excerpt, redact, redactForms, redactionList } from '../../shared/transport/redaction';

// Any field naming a secret or a password (`secret`, `signingSecret`, `linkedinPassword`…): Kakiyo's
// answer shapes are mostly undocumented, so the names are matched rather than listed.
const SECRET_FIELD = /secret|password/i;
// Fields that only say whether a secret is set.
const FLAG_FIELD = /^has[A-Z]/;

/**
 * Sets a field as an own property, whatever its name: a plain assignment to `__proto__` (which
 * JSON.parse makes an ordinary field) would replace the object's prototype and lose the field.
 */
function setField(output: IDataObject, name: string, value: unknown): void {
	if (name !== '__proto__') output[name] = value as IDataObject[string];
	else
		Object.defineProperty(output, name, {
			value,
			enumerable: true,
			writable: true,
			configurable: true,
		});
}

/** A field name not yet taken: a redacted name may meet another (`[redacted]`, `[redacted]_2`…). */
function freeName(output: IDataObject, name: string): string {
	let free = name;
	for (let suffix = 2; Object.prototype.hasOwnProperty.call(output, free); suffix++) {
		free = `${name}_${suffix}`;
	}
	return free;
}

function clean(value: unknown, forms: readonly string[], depth: number): unknown {
	if (typeof value === 'string') return redactForms(value, forms);
	if (!value || typeof value !== 'object') return value;
	// Deeper than any Kakiyo answer: cut (unread, so unchecked) rather than walk an answer built to
	// exhaust the stack.
	if (depth > 64) return '[nested too deep]';
	if (Array.isArray(value)) return value.map((entry) => clean(entry, forms, depth + 1));
	const output: IDataObject = {};
	for (const [field, entry] of Object.entries(value as IDataObject)) {
		if (SECRET_FIELD.test(field) && !FLAG_FIELD.test(field)) continue;
		// A name is as visible as a value: Kakiyo may key usage by API key, or results by what was sent.
		setField(output, freeName(output, redactForms(field, forms)), clean(entry, forms, depth + 1));
	}
	return output;
}

/**
 * An output item as it may leave the node: without any field holding a secret or a password, at any
 * depth, and with every known secret (the API key, a typed password or webhook secret) replaced
 * wherever Kakiyo echoed it, in a value or in a field's name, in every form errors recognise too
 * (trimmed, URL- or JSON-escaped). Output items end up in execution logs and AI agents' transcripts.
 */
export function withoutSecrets(json: IDataObject, secrets: readonly string[]): IDataObject {
	return clean(json, redactionList(secrets), 0) as IDataObject;
}

/**
 * A value (Kakiyo's answer) as a text may quote it: as `withoutSecrets` leaves it, as JSON, the
 * secrets redacted again over the whole text as a last net, and only then shortened to `max`
 * characters, so that no secret is cut beyond recognition first.
 */
export function quoted(value: unknown, secrets: readonly string[], max: number): string {
	const text = JSON.stringify(clean(value, redactionList(secrets), 0)) ?? String(value);
	return excerpt(redact(text, secrets), max);
}
