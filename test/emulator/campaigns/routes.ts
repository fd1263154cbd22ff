/** `/v1/campaigns`: list (paged by `after`), create, update, pause, resume, stats, delete. */
import { countProspects, rate } from '../analytics/metrics';
import type { ApiDeps, ApiRoute } from '../apiContext';
import { created, ok, validationError } from '../http';
import { newId, nowIso } from '../ids';
import { queryInteger } from '../input';
import { pageOf, totalOf } from '../listPaging';
import { prospectsOf } from '../prospects/store';
import type { StoredCampaign } from '../state/model';
import { checkCampaignDeletable, pauseCampaign, resumeCampaign } from './store';
import { parseCampaignCreate, parseCampaignUpdate } from './validation';

export function campaignRoutes({ world, listPaging }: ApiDeps): ApiRoute[] {
	return [
		{
			method: 'GET',
			pattern: '/v1/campaigns',
			// (I) shape; `after` is the id of the previous page's last campaign, in creation order.
			handle: ({ team, query }) => {
				const limit = queryInteger(query, 'limit', 1, Infinity, 50);
				const after = listPaging.ignorePosition ? null : query.get('after');
				let start = 0;
				if (after) {
					const index = team.campaigns.findIndex((campaign) => campaign.id === after);
					if (index < 0) throw validationError(`after must be the id of a campaign, not ${after}`);
					start = index + 1;
				}
				const campaigns = pageOf(team.campaigns, start, limit, listPaging);
				const last = campaigns.at(-1);
				const more = last !== undefined && last !== team.campaigns.at(-1);
				return ok({
					campaigns,
					...totalOf(team.campaigns.length, listPaging),
					...(listPaging.nextCursor && more ? { nextCursor: last.id } : {}),
				});
			},
		},
		{
			method: 'POST',
			pattern: '/v1/campaigns',
			handle: (call) => {
				const input = parseCampaignCreate(call.json());
				const { team } = call;
				// 404s name the field (I), e.g. "Product not found (productId)".
				world.owned(team, 'product', input.productId, 'Product not found (productId)');
				world.owned(team, 'prompt', input.promptId, 'Prompt not found (promptId)');
				world.owned(team, 'agent', input.agentId, 'Agent not found (agentId)');
				const now = nowIso();
				const campaign: StoredCampaign = {
					id: newId(),
					...input,
					status: 'active',
					createdAt: now,
					updatedAt: now,
				};
				team.campaigns.push(campaign);
				return created({ ...campaign, message: 'Campaign created successfully' }); // (I)
			},
		},
		{
			method: 'PUT',
			pattern: '/v1/campaigns/:id',
			handle: (call) => {
				const update = parseCampaignUpdate(call.json());
				const campaign = world.owned(call.team, 'campaign', call.params.id);
				Object.assign(campaign, update, { updatedAt: nowIso() });
				return ok({ id: campaign.id, message: 'Campaign updated successfully' });
			},
		},
		{
			method: 'POST',
			pattern: '/v1/campaigns/:id/pause',
			handle: ({ team, params }) => {
				pauseCampaign(world.owned(team, 'campaign', params.id));
				return ok({ message: 'Campaign paused successfully' }); // (I)
			},
		},
		{
			method: 'POST',
			pattern: '/v1/campaigns/:id/resume',
			handle: ({ team, params }) => {
				resumeCampaign(world.owned(team, 'campaign', params.id));
				return ok({ message: 'Campaign resumed successfully' }); // (I)
			},
		},
		{
			method: 'GET',
			pattern: '/v1/campaigns/:id/stats',
			handle: ({ team, params }) => {
				const campaign = world.owned(team, 'campaign', params.id);
				const counts = countProspects(prospectsOf(team, campaign));
				// (I) shape: Kakiyo does not document this answer.
				return ok({
					campaignId: campaign.id,
					name: campaign.name,
					status: campaign.status,
					...counts,
					responseRate: rate(counts.totalAnswers, counts.totalProspects),
					qualificationRate: rate(counts.totalQualified, counts.totalAnswers),
				});
			},
		},
		{
			method: 'DELETE',
			pattern: '/v1/campaigns/:id',
			handle: ({ team, params }) => {
				const campaign = world.owned(team, 'campaign', params.id);
				checkCampaignDeletable(campaign);
				const prospects = prospectsOf(team, campaign);
				team.prospects = team.prospects.filter((prospect) => !prospects.includes(prospect));
				team.campaigns.splice(team.campaigns.indexOf(campaign), 1);
				return ok({
					message: 'Campaign deleted successfully',
					deletionSummary: {
						campaignId: campaign.id,
						campaignName: campaign.name,
						deletedItems: {
							prospects: prospects.length,
							chats: prospects.length,
							messages: countProspects(prospects).totalMessages,
							tasks: 0, // (I) the emulator keeps no tasks or webhook-event log per campaign
							webhookEvents: 0,
						},
						deletedAt: nowIso(),
					},
				});
			},
		},
	];
}
