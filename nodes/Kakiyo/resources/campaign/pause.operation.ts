import type { Operation } from '../../engine/operation';
import { campaignLocator } from '../locators';

export const operation: Operation = {
	name: 'Pause',
	value: 'pause',
	action: 'Pause a campaign',
	description:
		'Stop a campaign from contacting prospects until it is resumed; needed before deleting it',
	effect: { undo: 'Resume' },
	properties: [campaignLocator],
	method: 'POST',
	path: '/campaigns/{campaignId}/pause',
};
