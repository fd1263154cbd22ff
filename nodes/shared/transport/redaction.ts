const REDACTED = '[redacted]';

// Shorter values would blank out ordinary words; keys and webhook secrets are far longer.
const MIN_SECRET_LENGTH = 4;

/**
 * The forms a secret can come back in: as stored; trimmed, since a key saved with a stray space still
 * authenticates and a server echoes what it read; and as a URL or a JSON string would escape it.
 */
function formsOf(secret: string): string[] {
	const trimmed = secret.trim();
	return [secret, trimmed, encodeURIComponent(trimmed), JSON.stringify(trimmed).slice(1, -1)];
}

/** Every form of every secret worth looking for, longest first so that no shorter one splits a longer one. */
export function redactionList(secrets: ReadonlyArray<string | undefined>): string[] {
	const forms = secrets
		.filter((secret): secret is string => typeof secret === 'string')
		.flatMap(formsOf)
		.filter((form) => form.length >= MIN_SECRET_LENGTH);
	return [...new Set(forms)].sort((a, b) => b.length - a.length);
}

/**
 * Replaces every occurrence of the secrets in a text. Runs on the whole text, before anything shortens
 * it: a secret cut in two by an excerpt would no longer be recognised.
 */
export function redact(text: string, secrets: ReadonlyArray<string | undefined>): string {
	return redactForms(text, redactionList(secrets));
}

/** `redact` with the list of forms made once (`redactionList`), for many texts in a row. */
export function redactForms(text: string, forms: readonly string[]): string {
	return forms.reduce((result, form) => result.split(form).join(REDACTED), text);
}

/** At most `max` characters, marked with an ellipsis when cut. */
export function cap(text: string, max: number): string {
	return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** The start of a text as one short line: runs of whitespace become one space, then `cap`. */
export function excerpt(text: string, max: number): string {
	// Whitespace is collapsed on a bounded prefix only: the text may be a page of megabytes.
	return cap(
		text
			.slice(0, max * 50)
			.replace(/\s+/g, ' ')
			.trim(),
		max,
	);
}
