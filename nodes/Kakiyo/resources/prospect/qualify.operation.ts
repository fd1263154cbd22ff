import type { Operation } from '../../engine/operation';
import { chatLocator } from '../locators';

export const operation: Operation = {
	name: 'Qualify',
	value: 'qualify',
	action: 'Qualify a prospect',
	description:
		'Mark the prospect of a conversation as qualified, for example after a reply shows interest (Kakiyo then sends the prospect.qualified event)',
	properties: [chatLocator],
	method: 'POST',
	path: '/prospects/{chatId}/qualify',
};
