import type { Operation } from '../../engine/operation';
import { chatLocator } from '../locators';

export const operation: Operation = {
	name: 'Get',
	value: 'get',
	action: 'Get a prospect conversation',
	description:
		'Get a conversation: the prospect (name, headline, LinkedIn URL), its campaign, status, qualification and every message',
	properties: [chatLocator],
	method: 'GET',
	path: '/prospects/{chatId}',
};
