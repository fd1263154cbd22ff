/** Identifiers and timestamps as Kakiyo's newer pages show them. */
import { randomBytes } from 'node:crypto';

/** A 20-character lowercase hex id (Appwrite style), e.g. `69724b7100331796aae2`. */
export function newId(): string {
	return randomBytes(10).toString('hex');
}

/** The current time as an ISO 8601 string with milliseconds and `Z`. */
export function nowIso(): string {
	return new Date().toISOString();
}
