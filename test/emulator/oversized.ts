/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test-only emulator: streams a compressed answer with node:zlib */
/**
 * An answer far larger than anything Kakiyo sends, for tests of the client's size limit: a JSON object
 * whose one string field pads it to `bytes`, compressed the way a server may send it. Highly repetitive
 * text compresses about a thousand to one, so a small transfer inflates to hundreds of megabytes: the
 * "decompression bomb" a client that reads answers whole cannot survive. It is made as it is sent, so
 * the sender never holds it, and stops when the client stops reading.
 */
import type { ServerResponse } from 'node:http';
import { Readable, pipeline } from 'node:stream';
import { constants, createBrotliCompress, createDeflate, createGzip } from 'node:zlib';

export type AnswerEncoding = 'gzip' | 'deflate' | 'br' | 'identity';

export interface OversizedAnswer {
	/** Size of the JSON text once decompressed. */
	bytes: number;
	/** Content-Encoding of the transfer (default gzip). */
	encoding?: AnswerEncoding;
}

const HEAD = '{"data":"';
const TAIL = '"}';
const CHUNK = 64 * 1024;

function* jsonOfSize(bytes: number): Generator<string> {
	yield HEAD;
	let padding = Math.max(0, bytes - HEAD.length - TAIL.length);
	const filler = 'a'.repeat(CHUNK);
	while (padding > 0) {
		const size = Math.min(CHUNK, padding);
		yield size === CHUNK ? filler : filler.slice(0, size);
		padding -= size;
	}
	yield TAIL;
}

function compressor(encoding: AnswerEncoding) {
	if (encoding === 'gzip') return createGzip({ level: 1 });
	if (encoding === 'deflate') return createDeflate({ level: 1 });
	if (encoding === 'br')
		return createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: 1 } });
	return undefined;
}

/** Writes the answer; a client that hangs up early just ends it. */
export function sendOversized(res: ServerResponse, status: number, answer: OversizedAnswer): void {
	const encoding = answer.encoding ?? 'gzip';
	res.writeHead(status, {
		'Content-Type': 'application/json; charset=utf-8',
		...(encoding === 'identity' ? {} : { 'Content-Encoding': encoding }),
	});
	const source = Readable.from(jsonOfSize(answer.bytes));
	const zip = compressor(encoding);
	const ignoreHangUp = () => undefined;
	if (zip) pipeline(source, zip, res, ignoreHangUp);
	else pipeline(source, res, ignoreHangUp);
}
