import { createHmac, randomBytes } from 'node:crypto';

import { Agent, request } from 'undici';

import { SIGNATURE_HEADER } from '../../nodes/KakiyoTrigger/signature';

export interface Delivery {
	body: string;
	signature: string;
}

export interface BatchResult {
	/** HTTP status per delivery, in send order. */
	statuses: number[];
	latenciesMs: number[];
	/** Wall clock when the first request went out (compared with n8n's execution timestamps). */
	startedAt: Date;
	/** From the first request out to the last answer in. */
	durationMs: number;
}

const EVENT = 'linkedin.message.received';

/** A Kakiyo-like delivery of exactly `size` bytes, unique per `sequence`, signed with `secret`. */
export function delivery(sequence: number, secret: string, size = 1024): Delivery {
	const head = JSON.stringify({
		event: EVENT,
		timestamp: new Date().toISOString(),
		data: { prospectId: `prospect_${sequence}`, chatId: `chat_${sequence}`, message: '' },
	}).slice(0, -3);
	const filler = randomBytes(size)
		.toString('base64url')
		.slice(0, size - head.length - 3);
	const body = `${head}${filler}"}}`;
	if (Buffer.byteLength(body) !== size) throw new Error(`A delivery must be ${size} bytes`);
	return { body, signature: `sha256=${createHmac('sha256', secret).update(body).digest('hex')}` };
}

export const DELIVERY_EVENT = EVENT;

/**
 * Sends every delivery once, `concurrency` at a time, spreading them over `urls` in turn (several
 * webhook processes behind a round-robin balancer). Keep-alive connections, one per slot.
 */
export async function sendBatch(
	urls: string[],
	deliveries: Delivery[],
	concurrency: number,
): Promise<BatchResult> {
	const dispatcher = new Agent({ connections: concurrency, keepAliveTimeout: 4_000 });
	const statuses: number[] = new Array<number>(deliveries.length);
	const latenciesMs: number[] = new Array<number>(deliveries.length);
	let next = 0;
	const startedAt = new Date();
	const started = performance.now();
	const slot = async () => {
		for (let index = next++; index < deliveries.length; index = next++) {
			const { body, signature } = deliveries[index];
			const sent = performance.now();
			const response = await request(urls[index % urls.length], {
				method: 'POST',
				dispatcher,
				headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signature },
				body,
			});
			await response.body.dump();
			latenciesMs[index] = performance.now() - sent;
			statuses[index] = response.statusCode;
		}
	};
	try {
		await Promise.all(Array.from({ length: concurrency }, slot));
	} finally {
		await dispatcher.close();
	}
	return { statuses, latenciesMs, startedAt, durationMs: performance.now() - started };
}
