import type { INodePropertyOptions } from 'n8n-workflow';
import { findList } from './listResponse';

/**
 * The Kakiyo webhook events this package knows without asking the API.
 *
 * Kakiyo's docs use two vocabularies: the guides and help centre name `linkedin.*` events (most likely
 * what the live product sends), the API reference names another set (what `GET /webhooks/test/events`
 * returns). Both are listed, plus the `*` wildcard, so the event pickers work even when that call fails.
 */
export interface KakiyoEvent {
	id: string;
	name: string;
	description: string;
	category: string;
}

export const ALL_EVENTS = '*';

export const KNOWN_EVENTS: readonly KakiyoEvent[] = [
	{
		id: ALL_EVENTS,
		name: 'All Events',
		description: 'Every event, including ones Kakiyo adds later',
		category: 'all',
	},
	{
		id: 'linkedin.message.sent',
		name: 'LinkedIn Message Sent',
		description: 'An agent sent a LinkedIn message to a prospect',
		category: 'linkedin',
	},
	{
		id: 'linkedin.message.received',
		name: 'LinkedIn Message Received',
		description: 'A prospect replied on LinkedIn',
		category: 'linkedin',
	},
	{
		id: 'linkedin.invitation.sent',
		name: 'LinkedIn Invitation Sent',
		description: 'An agent sent a LinkedIn connection invitation',
		category: 'linkedin',
	},
	{
		id: 'linkedin.invitation.accepted',
		name: 'LinkedIn Invitation Accepted',
		description: 'A prospect accepted a LinkedIn connection invitation',
		category: 'linkedin',
	},
	{
		id: 'prospect.qualification.manual',
		name: 'Prospect Needs Manual Qualification',
		description: 'A prospect requires a manual qualification review',
		category: 'prospect',
	},
	{
		id: 'prospect.unqualified',
		name: 'Prospect Unqualified',
		description: 'A prospect was automatically marked as unqualified',
		category: 'prospect',
	},
	{
		id: 'prospect.qualified',
		name: 'Prospect Qualified',
		description: 'A prospect was marked as qualified',
		category: 'prospect',
	},
	{
		id: 'prospect.responded',
		name: 'Prospect Responded',
		description: 'A prospect responded to a message',
		category: 'prospect',
	},
	{
		id: 'campaign.completed',
		name: 'Campaign Completed',
		description: 'A campaign finished',
		category: 'campaign',
	},
	{
		id: 'message.sent',
		name: 'Message Sent',
		description: 'A message was sent to a prospect',
		category: 'message',
	},
	{
		id: 'connection.accepted',
		name: 'Connection Accepted',
		description: 'A connection request was accepted',
		category: 'connection',
	},
	{
		id: 'agent.status_changed',
		name: 'Agent Status Changed',
		description: 'An agent changed status (for example running, paused or needing authentication)',
		category: 'agent',
	},
];

/**
 * Event names as a parameter gives them: an array from a picker, or from an expression either an
 * array or a comma-separated text such as "linkedin.message.sent, linkedin.message.received".
 * Trimmed, without blanks or repeats.
 */
export function eventNames(value: unknown): string[] {
	const names = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [];
	return [...new Set(names.map((name) => String(name).trim()).filter(Boolean))];
}

/** Turns whatever `GET /webhooks/test/events` answered into events, skipping entries without an id. */
export function parseEventList(response: unknown): KakiyoEvent[] {
	const events: KakiyoEvent[] = [];
	for (const entry of findList(response, 'events') ?? []) {
		const raw =
			typeof entry === 'string'
				? { id: entry }
				: (entry as Partial<Record<keyof KakiyoEvent, unknown>>);
		if (!raw || typeof raw.id !== 'string' || raw.id === '') continue;
		events.push({
			id: raw.id,
			name: typeof raw.name === 'string' && raw.name !== '' ? raw.name : raw.id,
			description: typeof raw.description === 'string' ? raw.description : '',
			category: typeof raw.category === 'string' ? raw.category : raw.id.split('.')[0],
		});
	}
	return events;
}

/**
 * The known catalogue merged with the events the API reported: the API's names and descriptions win,
 * events only the API knows are added, `*` stays first.
 */
export function mergeWithKnownEvents(fromApi: readonly KakiyoEvent[]): KakiyoEvent[] {
	const merged = new Map<string, KakiyoEvent>(KNOWN_EVENTS.map((event) => [event.id, event]));
	for (const event of fromApi) {
		const known = merged.get(event.id);
		merged.set(event.id, {
			id: event.id,
			name: event.name !== event.id || !known ? event.name : known.name,
			description: event.description || known?.description || '',
			category: event.category || known?.category || '',
		});
	}
	return [...merged.values()].sort((a, b) =>
		a.id === ALL_EVENTS ? -1 : b.id === ALL_EVENTS ? 1 : a.name.localeCompare(b.name),
	);
}

/** Options for an n8n `options`/`multiOptions` parameter, each shown with its event id. */
export function toEventOptions(events: readonly KakiyoEvent[]): INodePropertyOptions[] {
	return events.map((event) => ({
		name: event.id === ALL_EVENTS ? event.name : `${event.name} (${event.id})`,
		value: event.id,
		description: event.description,
	}));
}
