/** `/v1/analytics`: the team's overview (I shape) and one campaign's analytics (documented shape), from state. */
import type { ApiDeps, ApiRoute } from '../apiContext';
import { ok } from '../http';
import { prospectsOf } from '../prospects/store';
import type { StoredProspect } from '../state/model';
import { countProspects, rate, statusDistribution } from './metrics';

const DAY_MS = 86_400_000;

/** Per day: agent messages, prospect replies and qualifications (days with activity, oldest first). */
function dailyBreakdown(prospects: StoredProspect[]) {
	const days = new Map<string, { messages: number; responses: number; qualified: number }>();
	const day = (iso: string) => {
		const date = iso.slice(0, 10);
		if (!days.has(date)) days.set(date, { messages: 0, responses: 0, qualified: 0 });
		return days.get(date)!;
	};
	for (const { chat } of prospects) {
		for (const message of chat.messages) {
			day(message.date)[message.role === 'user' ? 'responses' : 'messages'] += 1;
		}
		if (chat.qualification === 'qualified' && chat.qualifiedAt)
			day(chat.qualifiedAt).qualified += 1;
	}
	return [...days.entries()]
		.sort(([a], [b]) => a.localeCompare(b))
		.map(([date, counts]) => ({ date, ...counts }));
}

export function analyticsRoutes({ world }: ApiDeps): ApiRoute[] {
	return [
		{
			method: 'GET',
			pattern: '/v1/analytics/overview',
			// (I) shape: the dashboard's metric names, computed from the team's state.
			handle: ({ team }) => {
				const counts = countProspects(team.prospects);
				return ok({
					totalProspects: counts.totalProspects,
					invitationsSent: counts.invitationsSent,
					connectionsMade: counts.connectionsMade,
					connectionRate: rate(counts.connectionsMade, counts.invitationsSent),
					totalMessages: counts.totalMessages,
					totalAnswers: counts.totalAnswers,
					responseRate: rate(counts.totalAnswers, counts.totalProspects),
					totalQualified: counts.totalQualified,
					qualificationRate: rate(counts.totalQualified, counts.totalAnswers),
					campaigns: team.campaigns.length,
					agents: team.agents.length,
				});
			},
		},
		{
			method: 'GET',
			pattern: '/v1/analytics/campaigns/:id',
			handle: ({ team, params }) => {
				const campaign = world.owned(team, 'campaign', params.id);
				const prospects = prospectsOf(team, campaign);
				const counts = countProspects(prospects);
				const daily = dailyBreakdown(prospects);
				const weekStart = new Date(Date.now() - 6 * DAY_MS).toISOString().slice(0, 10);
				const last7Days = { messages: 0, responses: 0, qualified: 0 };
				for (const entry of daily.filter(({ date }) => date >= weekStart)) {
					last7Days.messages += entry.messages;
					last7Days.responses += entry.responses;
					last7Days.qualified += entry.qualified;
				}
				const product = team.products.find((entry) => entry.id === campaign.productId);
				return ok({
					campaign: {
						id: campaign.id,
						name: campaign.name,
						status: campaign.status,
						createdAt: campaign.createdAt,
						agent: campaign.agentId,
						product: product?.name ?? null,
					},
					metrics: {
						totalProspects: counts.totalProspects,
						totalMessages: counts.totalMessages,
						totalQualified: counts.totalQualified,
						totalAnswers: counts.totalAnswers,
						totalClosed: 0, // (I) the emulator has no "closed" stage
						conversionRate: rate(counts.totalQualified, counts.totalProspects),
						responseRate: rate(counts.totalAnswers, counts.totalProspects),
						qualificationRate: rate(counts.totalQualified, counts.totalAnswers),
						averageMessagesPerProspect:
							counts.totalProspects === 0
								? 0
								: Math.round((counts.totalMessages / counts.totalProspects) * 100) / 100,
					},
					activity: { dailyBreakdown: daily, last7Days },
					statusDistribution: statusDistribution(prospects),
					qualificationBreakdown: {
						pending: prospects.filter((p) => p.chat.qualification === 'inProgress').length,
						qualified: counts.totalQualified,
						disqualified: counts.totalDisqualified,
					},
				});
			},
		},
	];
}
