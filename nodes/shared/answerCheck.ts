/**
 * Checks for success answers that cannot be what Kakiyo meant, for a request's `refuse`: a proxy's
 * HTML page answered with 200, a JSON error in a 200, or text where an object belongs. Each returns
 * why the answer is refused, or undefined to accept it.
 */
export type AnswerCheck = (body: unknown) => string | undefined;

function describeText(text: string): string {
	if (!text.trim()) return 'an empty answer instead of JSON';
	return /^\s*</.test(text) ? 'an HTML page instead of JSON' : 'text instead of JSON';
}

/** Why a body is no JSON object at all, or undefined when it is one. */
function notAnObject(body: unknown): string | undefined {
	if (typeof body === 'string') return describeText(body);
	if (Array.isArray(body)) return 'a JSON array instead of an object';
	if (body === null || typeof body !== 'object') return 'no JSON object';
	return undefined;
}

/** A JSON error in a success answer: Kakiyo's `{error}` shape, or `success: false`. */
function errorIn(body: object): string | undefined {
	const { error, success } = body as { error?: unknown; success?: unknown };
	if (typeof error === 'string' && error) return `an error (${error})`;
	if (success === false) return 'an answer saying success: false';
	return undefined;
}

const isEmpty = (body: unknown) => body === undefined || body === null || body === '';

/** Accepts only a JSON object without an error in it. */
export const unlessObject: AnswerCheck = (body) => notAnObject(body) ?? errorIn(body as object);

/** Accepts a JSON object without an error, or nothing at all (a bare 204). */
export const unlessObjectOrEmpty: AnswerCheck = (body) =>
	isEmpty(body) ? undefined : unlessObject(body);

/**
 * Accepts a JSON object holding its result as an object under `data`: the `{error, data, message?}`
 * envelope of every Do Not Contact answer. Its `error` is not judged when `data` is there: Kakiyo's
 * success examples print `"error": "<unknown>"` (see docs/kakiyo-api.md#envelopes). Without `data`, the `error` is what the
 * answer has to say.
 */
export const unlessDataObject: AnswerCheck = (body) => {
	const notObject = notAnObject(body);
	if (notObject) return notObject;
	const { data } = body as { data?: unknown };
	if (data !== null && typeof data === 'object' && !Array.isArray(data)) return undefined;
	return errorIn(body as object) ?? 'no data object in the answer';
};
