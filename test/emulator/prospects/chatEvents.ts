/**
 * Webhook payloads built from real state, for the events the emulator fires by itself: a reply and an
 * accepted invitation (guide vocabulary, `{event, teamId, timestamp, data:{agentId, campaignId, chatId,
 * prospectId, message?, timestamp}}`) and a qualification (API-reference vocabulary, `{event, timestamp,
 * data:{prospect, campaign, conversation}, team}`). Both shapes follow payloads.ts; the documented
 * prospect.qualified example also has `prospect.email`, which the emulator does not know (I: left out).
 */
import { nowIso } from '../ids';
import type { KakiyoPayload } from '../payloads';
import type { StoredProspect, TeamData } from '../state/model';

function campaignOf(team: TeamData, prospect: StoredProspect) {
	return team.campaigns.find((campaign) => campaign.id === prospect.campaignId);
}

export function guidePayload(
	event: 'linkedin.message.received' | 'linkedin.invitation.accepted',
	team: TeamData,
	prospect: StoredProspect,
	message?: string,
): KakiyoPayload {
	const timestamp = nowIso();
	return {
		event,
		teamId: team.id,
		timestamp,
		data: {
			agentId: campaignOf(team, prospect)?.agentId ?? null,
			campaignId: prospect.campaignId,
			chatId: prospect.chat.id,
			prospectId: prospect.id,
			...(message === undefined ? {} : { message }),
			timestamp,
		},
	};
}

export function qualifiedPayload(team: TeamData, prospect: StoredProspect): KakiyoPayload {
	const { chat } = prospect;
	const campaign = campaignOf(team, prospect);
	const timestamp = nowIso();
	return {
		event: 'prospect.qualified',
		timestamp,
		data: {
			prospect: {
				id: prospect.id,
				name: prospect.name,
				headline: prospect.headline,
				url: prospect.url,
				location: prospect.location,
				qualification: chat.qualification,
				qualifiedAt: chat.qualifiedAt ?? timestamp,
				qualifiedBy: campaign?.agentId ?? null,
			},
			campaign: { id: prospect.campaignId, name: campaign?.name ?? null },
			conversation: {
				id: chat.id,
				messageCount: chat.messages.length,
				lastMessage: chat.messages.at(-1)?.content ?? null,
				lastActivity: chat.lastMessage,
			},
		},
		team: { id: team.id, name: team.name },
	};
}
