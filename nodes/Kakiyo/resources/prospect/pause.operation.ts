import type { Operation } from '../../engine/operation';
import { chatLocator } from '../locators';

export const operation: Operation = {
	name: 'Pause',
	value: 'pause',
	action: 'Pause a prospect conversation',
	description:
		'Stop the agent writing to this prospect until the conversation is resumed, for example to take over by hand',
	effect: { undo: 'Resume' },
	properties: [chatLocator],
	method: 'POST',
	path: '/prospects/{chatId}/pause',
};
