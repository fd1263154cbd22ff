/**
 * Checks for success answers that cannot be what Kakiyo meant, for a request's `refuse`: a proxy's
 * HTML page answered with 200, a JSON error in a 200, or text where an object belongs. Each returns
 * why the answer is refused, or undefined to accept it.
 */

function describeText(text: string): string {
	if (!text.trim()) return 'an empty answer instead of JSON';
	return /^\s*</.test(text) ? 'an HTML page instead of JSON' : 'text instead of JSON';
}

/** A JSON error in a success answer: Kakiyo's `{error}` shape, or `success: false`. */
function errorIn(body: object): string | undefined {
	const { error, success } = body as { error?: unknown; success?: unknown };
	if (typeof error === 'string' && error) return `an error (${error})`;
	if (success === false) return 'an answer saying success: false';
	return undefined;
}

/** Accepts only a JSON object without an error in it. */
export function unlessObject(body: unknown): string | undefined {
	if (typeof body === 'string') return describeText(body);
	if (Array.isArray(body)) return 'a JSON array instead of an object';
	if (body === null || typeof body !== 'object') return 'no JSON object';
	return errorIn(body);
}

/** Accepts a JSON object without an error, or nothing at all (a bare 204). */
export function unlessObjectOrEmpty(body: unknown): string | undefined {
	return body === undefined || body === null || body === '' ? undefined : unlessObject(body);
}
