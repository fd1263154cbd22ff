/** Bearer-key authentication with Kakiyo's four documented failures. */
import { randomBytes } from 'node:crypto';
import { ApiError } from './http';
import type { AuthOutcome } from './types';

const KEY_PATTERN = /^[A-Za-z0-9_-]{40}$/;

/** A fresh key of the real format: 30 random bytes in base64url are exactly 40 characters. */
export function generateApiKey(): string {
	return randomBytes(30).toString('base64url');
}

export function isWellFormedKey(key: string): boolean {
	return KEY_PATTERN.test(key);
}

/** Enough to tell keys apart in a log, never enough to use one. */
export function keyHint(key: string): string {
	return `…${key.slice(-4)}`;
}

export interface KeyRing {
	active: ReadonlySet<string>;
	inactive: ReadonlySet<string>;
}

/** Either the accepted key, or the error to answer with (and the key, when it was well-formed). */
export type AuthResult =
	| { outcome: 'ok'; key: string; error?: undefined }
	| { outcome: Exclude<AuthOutcome, 'ok'>; key?: string; error: ApiError };

export function authenticate(header: string | undefined, keys: KeyRing): AuthResult {
	if (!header?.trim()) {
		return refuse(
			'missing_api_key',
			401,
			"API key is required. Send it in the Authorization header as 'Bearer <API_KEY>'.",
		);
	}
	const match = /^Bearer (\S+)$/.exec(header.trim());
	if (!match || !isWellFormedKey(match[1])) {
		return refuse(
			'invalid_api_key_format',
			401,
			"Invalid API key format. Expected 'Authorization: Bearer <API_KEY>' with a 40-character key.",
		);
	}
	const key = match[1];
	if (keys.inactive.has(key)) {
		return refuse(
			'subscription_inactive',
			403,
			'Your subscription is inactive. Renew your plan in the Kakiyo dashboard to use the API.',
			key,
		);
	}
	if (!keys.active.has(key)) {
		return refuse(
			'invalid_api_key',
			401,
			'Invalid API key. Check the key under Team > API Keys in the Kakiyo dashboard.',
			key,
		);
	}
	return { outcome: 'ok', key };
}

function refuse(
	outcome: Exclude<AuthOutcome, 'ok'>,
	status: number,
	message: string,
	key?: string,
): AuthResult {
	return { outcome, key, error: new ApiError(status, outcome, message) };
}
