import type { Operation } from '../../engine/operation';
import { campaignLocator } from '../locators';

export const operation: Operation = {
	name: 'Resume',
	value: 'resume',
	action: 'Resume a campaign',
	description: 'Let a paused campaign contact prospects again',
	effect: { undo: 'Pause' },
	properties: [campaignLocator],
	method: 'POST',
	path: '/campaigns/{campaignId}/resume',
};
