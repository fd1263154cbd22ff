import type { Operation } from '../../engine/operation';
import { campaignLocator } from '../locators';

export const operation: Operation = {
	name: 'Get Campaign Analytics',
	value: 'getCampaign',
	action: 'Get the analytics of a campaign',
	description:
		"One campaign's metrics (prospects, messages, answers, qualified, rates), daily activity and status breakdown",
	properties: [campaignLocator],
	method: 'GET',
	path: '/analytics/campaigns/{campaignId}',
};
