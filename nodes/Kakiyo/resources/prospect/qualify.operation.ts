import type { Operation } from '../../engine/operation';
import { chatLocator } from '../locators';

export const operation: Operation = {
	name: 'Qualify',
	value: 'qualify',
	action: 'Qualify a prospect',
	description:
		"Mark a conversation's prospect as qualified; Kakiyo does not document whether prospect.qualified follows",
	effect: 'permanent',
	properties: [chatLocator],
	method: 'POST',
	path: '/prospects/{chatId}/qualify',
};
