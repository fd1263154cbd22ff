import { createHmac, timingSafeEqual } from 'crypto';

/** The header Kakiyo signs deliveries with, lower-cased as Node stores request headers. */
export const SIGNATURE_HEADER = 'x-kakiyo-signature';

const PREFIX = 'sha256=';
const HEX_DIGEST_LENGTH = 64;

export type SignatureFailure =
	| 'missing_secret'
	| 'missing_body'
	| 'missing_header'
	| 'malformed_header'
	| 'mismatch';

export type SignatureCheck = { valid: true } | { valid: false; reason: SignatureFailure };

/**
 * The hex digest an `X-Kakiyo-Signature` header carries: `sha256=<hex>` or bare `<hex>`. Undefined
 * when the header is absent, repeated (an array) or of the wrong length for a SHA-256 hex digest.
 */
export function parseSignatureHeader(value: unknown): string | undefined {
	if (typeof value !== 'string') return undefined;
	const hex = value.startsWith(PREFIX) ? value.slice(PREFIX.length) : value;
	return hex.length === HEX_DIGEST_LENGTH ? hex : undefined;
}

/**
 * Checks a delivery's signature: HMAC-SHA256 of the exact bytes received, keyed by the webhook's
 * secret, as lowercase hex (Kakiyo's documented form), compared in constant time. Comparing the hex
 * text rather than decoded bytes makes uppercase or non-hex digits a plain mismatch and spares a
 * decode. Fails closed on every missing piece.
 */
export function verifySignature(
	rawBody: Buffer | undefined,
	header: unknown,
	secret: string | undefined,
): SignatureCheck {
	if (!secret) return { valid: false, reason: 'missing_secret' };
	if (!Buffer.isBuffer(rawBody)) return { valid: false, reason: 'missing_body' };
	if (header === undefined || header === '') return { valid: false, reason: 'missing_header' };
	const hex = parseSignatureHeader(header);
	if (hex === undefined) return { valid: false, reason: 'malformed_header' };
	// UTF-8, not latin1: latin1 keeps only the low byte of a character, so "š" (U+0161) would read as
	// "a". In UTF-8 any character outside ASCII takes more bytes, and the length check refuses it.
	const received = Buffer.from(hex, 'utf8');
	const expected = Buffer.from(createHmac('sha256', secret).update(rawBody).digest('hex'), 'utf8');
	// timingSafeEqual throws on a length difference.
	if (received.length !== expected.length || !timingSafeEqual(received, expected)) {
		return { valid: false, reason: 'mismatch' };
	}
	return { valid: true };
}
