/**
 * The `X-Kakiyo-Signature` value: HMAC-SHA256 of the exact body bytes, keyed by the webhook's secret,
 * in lowercase hex. Kakiyo does not document whether the hex is prefixed, so both forms can be emulated.
 */
import { createHmac } from 'node:crypto';
import type { SignatureFormat } from './types';

export const SIGNATURE_HEADER = 'X-Kakiyo-Signature';

export function signatureValue(secret: string, body: string, format: SignatureFormat): string {
	const hex = createHmac('sha256', secret).update(body, 'utf8').digest('hex');
	return format === 'prefixed' ? `sha256=${hex}` : hex;
}
