/** Adding prospects: `POST /prospects`, `/prospects/batch`, `/prospects/batch/round-robin`, import status. */
import type { ApiDeps, ApiRoute } from '../apiContext';
import { ok } from '../http';
import type { ImportInput, StoredCampaign } from '../state/model';
import { importReport, startImport } from './imports';
import {
	parseBatchImport,
	parseRoundRobin,
	parseSingleImport,
	type ProspectInput,
} from './validation';

const inCampaign =
	(campaignId: string) =>
	(prospect: ProspectInput): ImportInput => ({
		...prospect,
		campaignId,
	});

export function importRoutes({ world, importDelayMs }: ApiDeps): ApiRoute[] {
	// (I) answer: the docs say only that an import returns a listId.
	const started = (listId: string, campaignId: string, total: number) =>
		ok({ message: 'Prospect import started', listId, campaignId, total });
	return [
		{
			method: 'GET',
			pattern: '/v1/prospects/imports/:listId',
			handle: ({ team, params }) => ok(importReport(world.owned(team, 'import', params.listId))),
		},
		{
			method: 'POST',
			pattern: '/v1/prospects/batch/round-robin',
			handle: (call) => {
				const { campaignIds, prospects } = parseRoundRobin(call.json());
				const campaigns = campaignIds.map((id) => world.owned(call.team, 'campaign', id));
				// Prospect i goes to campaign i mod n, in the order given.
				const inputs = prospects.map((prospect, index) =>
					inCampaign(campaigns[index % campaigns.length].id)(prospect),
				);
				const list = startImport(call.team, inputs, importDelayMs, campaignIds);
				return ok({
					message: 'Round Robin distribution completed',
					totalProspects: prospects.length,
					campaignsCount: campaigns.length,
					distribution: campaigns.map((campaign: StoredCampaign) => ({
						campaignId: campaign.id,
						campaignName: campaign.name,
						prospectsAssigned: inputs.filter((input) => input.campaignId === campaign.id).length,
					})),
					listId: list.listId, // (I) docs/kakiyo-api.md#round-robin
				});
			},
		},
		{
			method: 'POST',
			pattern: '/v1/prospects/batch',
			handle: (call) => {
				const { campaignId, prospects } = parseBatchImport(call.json());
				const campaign = world.owned(call.team, 'campaign', campaignId);
				const list = startImport(call.team, prospects.map(inCampaign(campaign.id)), importDelayMs);
				return started(list.listId, campaign.id, list.total);
			},
		},
		{
			method: 'POST',
			pattern: '/v1/prospects',
			handle: (call) => {
				const { campaignId, prospect } = parseSingleImport(call.json());
				const campaign = world.owned(call.team, 'campaign', campaignId);
				const list = startImport(call.team, [inCampaign(campaign.id)(prospect)], importDelayMs);
				return started(list.listId, campaign.id, list.total);
			},
		},
	];
}
