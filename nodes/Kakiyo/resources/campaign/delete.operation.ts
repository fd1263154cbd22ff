import type { Operation } from '../../engine/operation';
import { deletedBy } from '../../engine/outputs';
import { campaignLocator } from '../locators';

export const operation: Operation = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a campaign',
	description:
		'Permanently delete a paused or completed campaign with its prospects, conversations and analytics',
	effect: 'permanent',
	properties: [campaignLocator],
	method: 'DELETE',
	path: '/campaigns/{campaignId}',
	output: deletedBy('campaignId'),
};
