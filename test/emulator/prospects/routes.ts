/**
 * Prospects and their conversations: list by campaign, search, get, pause, resume, qualify, custom data,
 * delete one, delete many. Chat routes take a chatId (or a prospectId: see
 * docs/kakiyo-api.md#conversation-or-prospect-id).
 */
import type { ApiDeps, ApiRoute } from '../apiContext';
import { ok } from '../http';
import { nowIso } from '../ids';
import { queryInteger } from '../input';
import { qualifiedPayload } from './chatEvents';
import { deleteProspect, deleteProspects } from './deletion';
import { conversation, CUSTOM_DATA_MAX, prospectEntry, prospectsOf } from './store';
import { parseBulkDelete, parseCustomData } from './validation';

export function prospectRoutes({ world, fire }: ApiDeps): ApiRoute[] {
	return [
		{
			method: 'GET',
			pattern: '/v1/prospects/search',
			// (I) filters: campaignId, status (the chat's numeric status), qualification, q (name or url).
			handle: ({ team, query }) => {
				const limit = queryInteger(query, 'limit', 1, Infinity, 50);
				const { campaignId, status, qualification } = Object.fromEntries(query);
				const text = query.get('q')?.toLowerCase();
				const found = team.prospects.filter(
					(prospect) =>
						(!campaignId || prospect.campaignId === campaignId) &&
						(!status || String(prospect.chat.status) === status) &&
						(!qualification || prospect.chat.qualification === qualification) &&
						(!text ||
							prospect.name.toLowerCase().includes(text) ||
							prospect.url.toLowerCase().includes(text)),
				);
				return ok({ prospects: found.slice(0, limit).map(prospectEntry), total: found.length });
			},
		},
		{
			method: 'GET',
			pattern: '/v1/prospects/campaign/:campaignId',
			handle: ({ team, params }) => {
				const campaign = world.owned(team, 'campaign', params.campaignId);
				const prospects = prospectsOf(team, campaign).map(prospectEntry);
				return ok({ prospects, total: prospects.length }); // (I) shape
			},
		},
		{
			method: 'DELETE',
			pattern: '/v1/prospects',
			handle: (call) => {
				const { prospectIds, campaignId } = parseBulkDelete(call.json());
				if (campaignId) world.owned(call.team, 'campaign', campaignId);
				return ok(deleteProspects(world, call.team, prospectIds, campaignId));
			},
		},
		{
			method: 'GET',
			pattern: '/v1/prospects/:chatId',
			handle: ({ team, params }) =>
				ok(conversation(team, world.owned(team, 'chat', params.chatId))),
		},
		{
			method: 'POST',
			pattern: '/v1/prospects/:chatId/pause',
			handle: ({ team, params }) => {
				world.owned(team, 'chat', params.chatId).chat.paused = true;
				return ok({ message: 'Conversation paused successfully' });
			},
		},
		{
			method: 'POST',
			pattern: '/v1/prospects/:chatId/resume',
			handle: ({ team, params }) => {
				world.owned(team, 'chat', params.chatId).chat.paused = false;
				return ok({ message: 'Conversation resumed successfully' }); // (I)
			},
		},
		{
			method: 'POST',
			pattern: '/v1/prospects/:chatId/qualify',
			handle: ({ team, params }) => {
				const prospect = world.owned(team, 'chat', params.chatId);
				prospect.chat.qualification = 'qualified';
				prospect.chat.qualifiedAt = nowIso();
				// Every qualify call fires the event, as a manual qualification in the app would (I).
				fire(team, 'prospect.qualified', qualifiedPayload(team, prospect));
				return ok({
					message: 'Prospect qualified successfully', // (I) answer
					chatId: prospect.chat.id,
					qualification: 'qualified',
				});
			},
		},
		{
			method: 'PATCH',
			pattern: '/v1/prospects/:chatId/custom-data',
			handle: (call) => {
				const text = parseCustomData(call.json());
				const { chat } = world.owned(call.team, 'chat', call.params.chatId);
				// Documented: longer text is truncated to 3000 characters; "" clears it.
				const saved = text.slice(0, CUSTOM_DATA_MAX);
				if (saved) chat.customData = saved;
				else delete chat.customData;
				return ok({
					message: 'Conversation customData updated successfully',
					chatId: chat.id,
					customDataSaved: saved.length > 0,
					customDataLength: saved.length,
				});
			},
		},
		{
			method: 'DELETE',
			pattern: '/v1/prospects/:prospectId',
			handle: ({ team, params }) =>
				ok(deleteProspect(team, world.owned(team, 'prospect', params.prospectId))),
		},
	];
}
