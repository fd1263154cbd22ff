/**
 * The webhook event catalogue served by `GET /webhooks/test/events`.
 *
 * Kakiyo's docs name two vocabularies: the API reference's set, which is what the real endpoint lists,
 * and the guides' `linkedin.*` set, which the live product most likely sends.
 * The emulator serves both so that clients are exercised against either. `*` is a subscription wildcard,
 * not an event, so it is not listed here.
 */

export const WILDCARD = '*';

export const EVENT_IDS = [
	// API reference vocabulary, in the order the reference lists it.
	'prospect.qualified',
	'prospect.responded',
	'campaign.completed',
	'agent.status_changed',
	'message.sent',
	'connection.accepted',
	// Guides / help centre vocabulary.
	'linkedin.message.sent',
	'linkedin.message.received',
	'linkedin.invitation.sent',
	'linkedin.invitation.accepted',
	'prospect.qualification.manual',
	'prospect.unqualified',
] as const;

export type EventId = (typeof EVENT_IDS)[number];

export interface EventDescription {
	id: EventId;
	name: string;
	description: string;
	category: string;
}

const DESCRIPTIONS: Record<EventId, Omit<EventDescription, 'id'>> = {
	'prospect.qualified': {
		name: 'Prospect Qualified',
		description: 'Triggered when a prospect is marked as qualified',
		category: 'prospect',
	},
	'prospect.responded': {
		name: 'Prospect Responded',
		description: 'Triggered when a prospect responds to a message',
		category: 'prospect',
	},
	'campaign.completed': {
		name: 'Campaign Completed',
		description: 'Triggered when a campaign finishes',
		category: 'campaign',
	},
	'agent.status_changed': {
		name: 'Agent Status Changed',
		description: 'Triggered when an agent changes status',
		category: 'agent',
	},
	'message.sent': {
		name: 'Message Sent',
		description: 'Triggered when an agent sends a message',
		category: 'message',
	},
	'connection.accepted': {
		name: 'Connection Accepted',
		description: 'Triggered when a prospect accepts a connection request',
		category: 'connection',
	},
	'linkedin.message.sent': {
		name: 'LinkedIn Message Sent',
		description: 'Triggered when an agent sends a LinkedIn message to a prospect',
		category: 'linkedin',
	},
	'linkedin.message.received': {
		name: 'LinkedIn Message Received',
		description: 'Triggered when a prospect replies on LinkedIn',
		category: 'linkedin',
	},
	'linkedin.invitation.sent': {
		name: 'LinkedIn Invitation Sent',
		description: 'Triggered when an agent sends a LinkedIn connection invitation',
		category: 'linkedin',
	},
	'linkedin.invitation.accepted': {
		name: 'LinkedIn Invitation Accepted',
		description: 'Triggered when a prospect accepts a LinkedIn connection invitation',
		category: 'linkedin',
	},
	'prospect.qualification.manual': {
		name: 'Prospect Needs Manual Qualification',
		description: 'Triggered when a prospect requires a manual qualification review',
		category: 'prospect',
	},
	'prospect.unqualified': {
		name: 'Prospect Unqualified',
		description: 'Triggered when a prospect is automatically marked as unqualified',
		category: 'prospect',
	},
};

export const EVENT_CATALOGUE: readonly EventDescription[] = EVENT_IDS.map((id) => ({
	id,
	...DESCRIPTIONS[id],
}));

export function isKnownEvent(event: unknown): event is EventId {
	return typeof event === 'string' && (EVENT_IDS as readonly string[]).includes(event);
}
