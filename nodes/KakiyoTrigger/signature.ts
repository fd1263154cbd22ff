import { createHmac, timingSafeEqual } from 'crypto';

/** The header Kakiyo signs deliveries with, lower-cased as Node stores request headers. */
export const SIGNATURE_HEADER = 'x-kakiyo-signature';

const PREFIX = 'sha256=';
// Kakiyo documents lowercase hex; anything else (uppercase, base64, a truncated digest) is refused.
const HEX_DIGEST = /^[0-9a-f]{64}$/;

export type SignatureFailure =
	| 'missing_secret'
	| 'missing_body'
	| 'missing_header'
	| 'malformed_header'
	| 'mismatch';

export type SignatureCheck = { valid: true } | { valid: false; reason: SignatureFailure };

/**
 * The digest an `X-Kakiyo-Signature` header carries, as bytes: `sha256=<hex>` or bare `<hex>`.
 * Undefined when the header is absent, repeated or not a 64-digit lowercase hex digest.
 */
export function parseSignatureHeader(value: unknown): Buffer | undefined {
	if (typeof value !== 'string') return undefined;
	const hex = value.startsWith(PREFIX) ? value.slice(PREFIX.length) : value;
	return HEX_DIGEST.test(hex) ? Buffer.from(hex, 'hex') : undefined;
}

/**
 * Checks a delivery's signature: HMAC-SHA256 of the exact bytes received, keyed by the webhook's
 * secret, compared in constant time. Fails closed on every missing piece.
 */
export function verifySignature(
	rawBody: Buffer | undefined,
	header: unknown,
	secret: string | undefined,
): SignatureCheck {
	if (!secret) return { valid: false, reason: 'missing_secret' };
	if (!Buffer.isBuffer(rawBody)) return { valid: false, reason: 'missing_body' };
	if (header === undefined || header === '') return { valid: false, reason: 'missing_header' };
	const received = parseSignatureHeader(header);
	if (!received) return { valid: false, reason: 'malformed_header' };
	const expected = createHmac('sha256', secret).update(rawBody).digest();
	// timingSafeEqual throws on a length difference; the parser already fixes the length, this keeps it so.
	if (received.length !== expected.length || !timingSafeEqual(received, expected)) {
		return { valid: false, reason: 'mismatch' };
	}
	return { valid: true };
}
