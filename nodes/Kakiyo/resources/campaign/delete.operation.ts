import type { Operation } from '../../engine/operation';
import { campaignLocator } from '../locators';

export const operation: Operation = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a campaign',
	description:
		'Permanently delete a paused or completed campaign with all its prospects, conversations, messages, tasks, analytics and webhook events (pause an active one first)',
	properties: [campaignLocator],
	method: 'DELETE',
	path: '/campaigns/{campaignId}',
};
