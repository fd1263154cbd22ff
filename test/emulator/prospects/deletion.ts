/** Deleting prospects: one (only once its chat is paused) or many at once, with Kakiyo's summaries. */
import { countProspects } from '../analytics/metrics';
import { ApiError, conflict } from '../http';
import { nowIso } from '../ids';
import type { StoredProspect, TeamData } from '../state/model';
import type { World } from '../state/world';

/** What deleting one prospect removes: its chat and messages (the emulator keeps no tasks or events). */
function deletedItems(prospect: StoredProspect) {
	return { chats: 1, messages: prospect.chat.messages.length, tasks: 0, webhookEvents: 0 };
}

function remove(team: TeamData, prospect: StoredProspect): void {
	team.prospects.splice(team.prospects.indexOf(prospect), 1);
}

/** The campaign's counters after a deletion. */
function campaignStats(team: TeamData, campaignId: string) {
	const counts = countProspects(team.prospects.filter((p) => p.campaignId === campaignId));
	return {
		prospectsCount: counts.totalProspects,
		messagesCount: counts.totalMessages,
		qualifiedCount: counts.totalQualified,
	};
}

/** `DELETE /prospects/{prospectId}`: documented answer; a chat still running is 409 prospect_active. */
export function deleteProspect(team: TeamData, prospect: StoredProspect) {
	if (!prospect.chat.paused) {
		throw conflict(
			'prospect_active',
			'Cannot delete prospect with active conversation. Please pause first.',
		);
	}
	remove(team, prospect);
	const campaign = team.campaigns.find((entry) => entry.id === prospect.campaignId);
	return {
		message: 'Prospect deleted successfully',
		deletionSummary: {
			prospectId: prospect.id,
			prospectName: prospect.name,
			campaignId: prospect.campaignId,
			campaignName: campaign?.name ?? null,
			deletedItems: deletedItems(prospect),
			deletedAt: nowIso(),
		},
		campaignStatsUpdated: campaignStats(team, prospect.campaignId),
	};
}

/**
 * `DELETE /prospects`: each id is deleted or reported failed (`not_found`, documented; `forbidden` for
 * another team's, I). With `campaignId`, a prospect of another campaign counts as not found (I). Bulk
 * deletion does not require paused chats (I: the documented example shows none).
 */
export function deleteProspects(
	world: World,
	team: TeamData,
	prospectIds: string[],
	campaignId?: string,
) {
	let statsFor = campaignId;
	const results = prospectIds.map((prospectId) => {
		try {
			const prospect = world.owned(team, 'prospect', prospectId);
			if (campaignId && prospect.campaignId !== campaignId) {
				throw new ApiError(404, 'not_found', 'Prospect not found');
			}
			remove(team, prospect);
			statsFor ??= prospect.campaignId; // without a filter: the first deleted prospect's (I)
			return {
				prospectId,
				status: 'success' as const,
				prospectName: prospect.name,
				deletedItems: deletedItems(prospect),
			};
		} catch (error) {
			const { code, message } = error as ApiError;
			return { prospectId, status: 'failed' as const, error: code, message };
		}
	});
	const successful = results.filter((result) => result.status === 'success').length;
	return {
		message: 'Bulk deletion completed',
		summary: {
			requested: prospectIds.length,
			successful,
			failed: results.length - successful,
			processedAt: nowIso(),
		},
		results,
		...(statsFor
			? { campaignStatsUpdated: { campaignId: statsFor, ...campaignStats(team, statsFor) } }
			: {}),
	};
}
