import type { Operation } from '../../engine/operation';
import { listOf } from '../../engine/outputs';
import { campaignLocator } from '../locators';

export const operation: Operation = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many prospects of a campaign',
	description: "List a campaign's prospects with their conversation (chat) IDs, one item each",
	effect: 'read',
	properties: [campaignLocator],
	method: 'GET',
	path: '/prospects/campaign/{campaignId}',
	// Kakiyo documents no paging here: Limit trims the one list it returns.
	paging: { kind: 'single' },
	output: listOf('prospects'),
};
