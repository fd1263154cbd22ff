import type { Operation } from '../../engine/operation';
import { campaignLocator } from '../locators';

export const operation: Operation = {
	name: 'Get Campaign Analytics',
	value: 'getCampaign',
	action: 'Get the analytics of a campaign',
	description:
		"Get one campaign's metrics (prospects, messages, answers, qualified, rates), activity and breakdowns",
	effect: 'read',
	properties: [campaignLocator],
	method: 'GET',
	path: '/analytics/campaigns/{campaignId}',
	// The headline metrics; Simplify off adds the daily activity and the status breakdowns.
	simplify: [
		'campaign.id',
		'campaign.name',
		'campaign.status',
		'metrics.totalProspects',
		'metrics.totalMessages',
		'metrics.totalAnswers',
		'metrics.totalQualified',
		'metrics.responseRate',
		'metrics.qualificationRate',
		'metrics.conversionRate',
	],
};
