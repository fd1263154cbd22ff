/**
 * Example delivery bodies, one per event (`GET /webhooks/test/example/{event}` and test sends).
 *
 * The two vocabularies use two documented shapes (docs/webhooks.md#deliveries):
 * - guide events: `{event, teamId, timestamp, data:{agentId, campaignId, chatId, prospectId, message?, timestamp}}`,
 *   with `data.message` only on message events;
 * - API-reference events: `{event, timestamp, data:{prospect, campaign, conversation…}, team:{id, name}}`.
 * Documented examples are copied; the ones Kakiyo does not show follow the same envelope with plausible fields.
 */
import type { EventId } from './events';

export interface KakiyoPayload {
	event: string;
	timestamp: string;
	[field: string]: unknown;
}

const GUIDE_TIME = '2025-07-15T10:30:00.000Z';

function guideEvent(event: EventId, message?: string): KakiyoPayload {
	return {
		event,
		teamId: 'team_12345abcde',
		timestamp: GUIDE_TIME,
		data: {
			agentId: 'agent_67890',
			campaignId: 'campaign_12345',
			chatId: 'chat_54321',
			prospectId: 'prospect_98765',
			...(message === undefined ? {} : { message }),
			timestamp: GUIDE_TIME,
		},
	};
}

const REFERENCE_TIME = '2024-01-20T15:30:00Z';
const TEAM = { id: 'team_abc', name: 'Sales Team Alpha' };
const CAMPAIGN = { id: 'campaign_789', name: 'Enterprise Outreach Q4' };
const AGENT = { id: 'agent_456', name: 'Emma Carter' };
const PROSPECT = {
	id: 'prospect_123',
	name: 'John Smith',
	email: 'john.smith@techcorp.com',
	headline: 'VP of Sales at TechCorp',
	url: 'https://linkedin.com/in/johnsmith',
	location: { city: 'San Francisco', country: 'United States' },
};

function referenceEvent(event: EventId, data: Record<string, unknown>): KakiyoPayload {
	return { event, timestamp: REFERENCE_TIME, data, team: TEAM };
}

const EXAMPLES: Record<EventId, KakiyoPayload> = {
	'prospect.qualified': referenceEvent('prospect.qualified', {
		prospect: {
			...PROSPECT,
			qualification: 'qualified',
			qualifiedAt: REFERENCE_TIME,
			qualifiedBy: AGENT.id,
		},
		campaign: CAMPAIGN,
		conversation: {
			id: 'chat_101112',
			messageCount: 5,
			lastMessage: "Thanks for the information! I'd love to schedule a demo next week.",
			lastActivity: '2024-01-20T15:25:00Z',
		},
	}),
	'prospect.responded': referenceEvent('prospect.responded', {
		prospect: PROSPECT,
		campaign: CAMPAIGN,
		conversation: {
			id: 'chat_101112',
			messageCount: 3,
			lastMessage: 'Interesting timing, we are reviewing our outreach tooling this quarter.',
			lastActivity: REFERENCE_TIME,
		},
	}),
	'campaign.completed': referenceEvent('campaign.completed', {
		campaign: {
			...CAMPAIGN,
			status: 'completed',
			completedAt: REFERENCE_TIME,
			duration: '45 days',
			stats: {
				prospects: 250,
				messages: 612,
				responses: 87,
				qualified: 23,
				closed: 6,
				conversionRate: 9.2,
				responseRate: 34.8,
			},
		},
		agent: AGENT,
	}),
	'agent.status_changed': referenceEvent('agent.status_changed', {
		agent: {
			...AGENT,
			previousStatus: 'running',
			status: 'paused',
			changedAt: REFERENCE_TIME,
			reason: 'Daily LinkedIn activity limit reached',
		},
	}),
	'message.sent': referenceEvent('message.sent', {
		message: {
			id: 'message_131415',
			content: 'Hi John, following up on my last note: would a 15-minute call on Thursday work?',
			type: 'follow_up',
			sentAt: REFERENCE_TIME,
		},
		prospect: PROSPECT,
		campaign: CAMPAIGN,
		agent: AGENT,
		conversation: { id: 'chat_101112', messageCount: 2 },
	}),
	'connection.accepted': referenceEvent('connection.accepted', {
		prospect: PROSPECT,
		campaign: CAMPAIGN,
		agent: AGENT,
		invitationSentAt: '2024-01-18T09:12:00Z',
		acceptedAt: REFERENCE_TIME,
	}),
	'linkedin.message.sent': guideEvent(
		'linkedin.message.sent',
		'Hi Sarah, I noticed your team is scaling outbound. Open to a quick chat about it?',
	),
	'linkedin.message.received': guideEvent(
		'linkedin.message.received',
		"Thanks for reaching out! I'd be interested in learning more about your solution.",
	),
	'linkedin.invitation.sent': guideEvent('linkedin.invitation.sent'),
	'linkedin.invitation.accepted': guideEvent('linkedin.invitation.accepted'),
	'prospect.qualification.manual': guideEvent('prospect.qualification.manual'),
	'prospect.unqualified': guideEvent('prospect.unqualified'),
};

/** The documented example, as the example endpoint serves it (a copy: callers may change it). */
export function examplePayload(event: EventId): KakiyoPayload {
	return structuredClone(EXAMPLES[event]);
}

/** The last time `freshPayload` stamped, in epoch ms. */
let lastStamp = 0;

/**
 * The example stamped with the current time, as a delivery would carry it. Never the same millisecond
 * twice: two of Kakiyo's events always differ in their data, but two examples differ only in their
 * time, and a receiver that drops repeated deliveries would rightly drop a byte-identical second one.
 */
export function freshPayload(event: EventId, now = new Date()): KakiyoPayload {
	const payload = examplePayload(event);
	lastStamp = Math.max(now.getTime(), lastStamp + 1);
	const stamp = new Date(lastStamp).toISOString();
	payload.timestamp = stamp;
	const data = payload.data as Record<string, unknown>;
	if ('timestamp' in data) data.timestamp = stamp;
	return payload;
}
