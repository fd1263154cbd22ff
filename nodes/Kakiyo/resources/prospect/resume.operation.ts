import type { Operation } from '../../engine/operation';
import { chatLocator } from '../locators';

export const operation: Operation = {
	name: 'Resume',
	value: 'resume',
	action: 'Resume a prospect conversation',
	description: 'Let the agent write to this prospect again',
	effect: { undo: 'Pause' },
	properties: [chatLocator],
	method: 'POST',
	path: '/prospects/{chatId}/resume',
};
