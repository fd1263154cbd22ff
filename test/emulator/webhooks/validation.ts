/** Request-body checks for creating and changing webhooks; each failure names the field, as Kakiyo's do. */
import { isKnownEvent, WILDCARD } from '../events';
import { validationError } from '../http';
import type { WebhookInput, WebhookPatch } from './store';

export function parseWebhookCreate(body: Record<string, unknown>): WebhookInput {
	const secret = optionalSecret(body.secret);
	return {
		name: requireName(body.name),
		url: requireUrl(body.url),
		events: requireEvents(body.events),
		// An empty secret means "no secret", as an empty form field would.
		...(secret ? { secret } : {}),
	};
}

export function parseWebhookUpdate(body: Record<string, unknown>): WebhookPatch {
	const patch: WebhookPatch = {};
	if (body.name !== undefined) patch.name = requireName(body.name);
	if (body.url !== undefined) patch.url = requireUrl(body.url);
	if (body.events !== undefined) patch.events = requireEvents(body.events);
	if (body.secret !== undefined) patch.secret = optionalSecret(body.secret) || null;
	if (body.active !== undefined) {
		if (typeof body.active !== 'boolean') throw validationError('active must be true or false');
		patch.active = body.active;
	}
	if (Object.keys(patch).length === 0) {
		throw validationError('Provide at least one of name, url, events, secret, active');
	}
	return patch;
}

function requireName(value: unknown): string {
	if (value === undefined || value === null) throw validationError('name is required');
	if (typeof value !== 'string' || !value.trim()) {
		throw validationError('name must be a non-empty string');
	}
	return value.trim();
}

function requireUrl(value: unknown): string {
	if (value === undefined || value === null || value === '')
		throw validationError('url is required');
	let url: URL | undefined;
	try {
		url = typeof value === 'string' ? new URL(value) : undefined;
	} catch {
		url = undefined;
	}
	// The real API wants HTTPS; plain HTTP is allowed here because tests listen on 127.0.0.1.
	if (!url || !['http:', 'https:'].includes(url.protocol)) {
		throw validationError('url must be a valid http(s) URL');
	}
	return value as string;
}

function requireEvents(value: unknown): string[] {
	if (value === undefined || value === null) throw validationError('events is required');
	if (!Array.isArray(value) || value.some((event) => typeof event !== 'string')) {
		throw validationError('events must be an array of event names (strings)');
	}
	if (value.length === 0) throw validationError('events must contain at least one event');
	const unknown = value.filter((event) => event !== WILDCARD && !isKnownEvent(event));
	if (unknown.length > 0) {
		throw validationError(`events contains unknown event(s): ${unknown.join(', ')}`);
	}
	return [...new Set(value as string[])];
}

function optionalSecret(value: unknown): string | undefined {
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'string') throw validationError('secret must be a string');
	return value;
}
