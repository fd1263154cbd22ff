import { createHmac } from 'node:crypto';

/**
 * Kakiyo's delivery signature as its contract states it (docs/webhooks.md#signatures), computed here apart from
 * both the trigger's verifier and the emulator's signer, so that tests hold each of them to the contract.
 */

/** Lowercase hex HMAC-SHA256 of the exact body bytes (a string counts as its UTF-8 bytes), keyed by the secret. */
export function kakiyoDigest(secret: string, body: string | Buffer): string {
	return createHmac('sha256', secret).update(body).digest('hex');
}

/** The `X-Kakiyo-Signature` header in its prefixed form: `sha256=<hex>`. */
export function kakiyoSignature(secret: string, body: string | Buffer): string {
	return `sha256=${kakiyoDigest(secret, body)}`;
}
