/**
 * The most of one answer the client reads, counted after decompression. Kakiyo's answers are a few
 * kilobytes (a whole campaign's prospects, the largest, stay far below this); n8n's HTTP helper sets
 * no limit at all, so without this a small compressed answer could inflate to hundreds of megabytes
 * and become an output item and execution data.
 */
export const MAX_ANSWER_BYTES = 8 * 1024 * 1024;

/** The limit as users read it. */
export const MAX_ANSWER_SIZE_TEXT = `${MAX_ANSWER_BYTES / 1024 / 1024} MB`;

/** An answer body as n8n hands it over with `encoding: 'stream'`: a readable, already decompressed. */
interface BodyStream extends AsyncIterable<Uint8Array> {
	destroy(error?: Error): void;
}

function isStream(body: unknown): body is BodyStream {
	return (
		typeof body === 'object' &&
		body !== null &&
		typeof (body as BodyStream)[Symbol.asyncIterator] === 'function' &&
		typeof (body as BodyStream).destroy === 'function'
	);
}

/** What came of reading an answer: its body, parsed as n8n parses one, or that it was too large. */
export type ReadAnswer = { body: unknown } | { tooLarge: true };

/**
 * The body as n8n's helper (axios, `json: true`) would have parsed it: JSON when it parses, else the
 * text as it is (an HTML page, an empty 204), with a leading byte-order mark dropped.
 */
function parsed(text: string): unknown {
	if (!text) return text;
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return text;
	}
}

/**
 * Reads an answer to its end, but never more than `maxBytes` of it: past the limit the connection is
 * closed and nothing of the answer is kept. `signal` (the request's deadline, and n8n's cancel signal
 * in an execution) keeps covering the read after the headers arrived. A body that is not a stream
 * (some n8n handed the call to a mock) is taken as it is.
 */
export async function readAnswer(
	body: unknown,
	signal: AbortSignal | undefined,
	maxBytes = MAX_ANSWER_BYTES,
): Promise<ReadAnswer> {
	if (!isStream(body)) return { body };
	const stop = () => body.destroy(new Error('The request was aborted while its answer was read'));
	if (signal?.aborted) stop();
	signal?.addEventListener('abort', stop, { once: true });
	try {
		const chunks: Uint8Array[] = [];
		let size = 0;
		for await (const chunk of body) {
			size += chunk.byteLength;
			// Leaving the loop destroys the stream, which closes the connection.
			if (size > maxBytes) return { tooLarge: true };
			chunks.push(chunk);
		}
		return { body: parsed(new TextDecoder().decode(Buffer.concat(chunks))) };
	} finally {
		signal?.removeEventListener('abort', stop);
	}
}

/** Closes an answer that will not be read (a redirect's), so its connection is not left open. */
export function discardAnswer(body: unknown): void {
	if (isStream(body)) body.destroy();
}
