/**
 * Readers for request fields that fail the way Kakiyo's validation does: 400 `validation_error` with a
 * message naming the field. Shared by every resource's routes; the webhook checks keep their own file.
 * (I) Kakiyo does not publish its validation messages: every 400 text in the emulator is its own.
 */
import { validationError } from './http';

export type Fields = Record<string, unknown>;

const present = (value: unknown) => value !== undefined && value !== null;

/**
 * A non-empty string, trimmed; `min`/`max` bound its length. `label` names the field in errors when it
 * sits inside an array (`prospects[2].url`).
 */
export function requireText(
	fields: Fields,
	field: string,
	bounds: { min?: number; max?: number; label?: string } = {},
): string {
	const value = fields[field];
	const { min = 1, max = Infinity, label = field } = bounds;
	if (!present(value) || value === '') throw validationError(`${label} is required`);
	if (typeof value !== 'string') throw validationError(`${label} must be a string`);
	const text = value.trim();
	if (!text) throw validationError(`${label} must not be empty`);
	if (text.length < min || text.length > max) {
		const range = max === Infinity ? `at least ${min}` : `between ${min} and ${max}`;
		throw validationError(`${label} must be ${range} characters long`);
	}
	return text;
}

export function optionalText(fields: Fields, field: string): string | undefined {
	return present(fields[field]) ? requireText(fields, field) : undefined;
}

/** An integer within [min, max], or undefined when absent. */
export function optionalInteger(
	fields: Fields,
	field: string,
	min: number,
	max: number,
): number | undefined {
	const value = fields[field];
	if (!present(value)) return undefined;
	if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
		throw validationError(`${field} must be an integer between ${min} and ${max}`);
	}
	return value;
}

export function optionalBoolean(fields: Fields, field: string): boolean | undefined {
	const value = fields[field];
	if (!present(value)) return undefined;
	if (typeof value !== 'boolean') throw validationError(`${field} must be true or false`);
	return value;
}

/** A JSON object (not an array), or undefined when absent. */
export function optionalObject(fields: Fields, field: string): Fields | undefined {
	const value = fields[field];
	if (!present(value)) return undefined;
	if (typeof value !== 'object' || Array.isArray(value)) {
		throw validationError(`${field} must be an object`);
	}
	return value as Fields;
}

/** An array of `min` to `max` elements. */
export function requireArray(fields: Fields, field: string, min = 1, max = Infinity): unknown[] {
	const value = fields[field];
	if (!present(value)) throw validationError(`${field} is required`);
	if (!Array.isArray(value)) throw validationError(`${field} must be an array`);
	if (value.length < min) {
		throw validationError(`${field} must contain at least ${min} item${min === 1 ? '' : 's'}`);
	}
	if (value.length > max) throw validationError(`${field} must contain at most ${max} items`);
	return value;
}

/** An object element of an array, named `field[index]` in errors. */
export function elementObject(value: unknown, name: string): Fields {
	if (value === null || typeof value !== 'object' || Array.isArray(value)) {
		throw validationError(`${name} must be an object`);
	}
	return value as Fields;
}

/** A query parameter that must be an integer within [min, max]; `fallback` when absent. */
export function queryInteger(
	query: URLSearchParams,
	name: string,
	min: number,
	max: number,
	fallback: number,
): number {
	const text = query.get(name);
	if (text === null || text === '') return fallback;
	const value = Number(text);
	if (!/^-?\d+$/.test(text.trim()) || value < min || value > max) {
		const range = max === Infinity ? `at least ${min}` : `between ${min} and ${max}`;
		throw validationError(`${name} must be an integer ${range}`);
	}
	return value;
}

/** Refuses an update that changes nothing. */
export function requireSomeField(fields: Fields, names: string[]): void {
	if (!names.some((name) => present(fields[name]))) {
		throw validationError(`Provide at least one of ${names.join(', ')}`);
	}
}
