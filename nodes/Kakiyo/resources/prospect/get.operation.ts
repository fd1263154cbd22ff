import type { Operation } from '../../engine/operation';
import { chatLocator } from '../locators';

export const operation: Operation = {
	name: 'Get',
	value: 'get',
	action: 'Get a prospect conversation',
	description: 'Get a conversation: the prospect, its campaign, qualification and every message',
	effect: 'read',
	properties: [chatLocator],
	method: 'GET',
	path: '/prospects/{chatId}',
	// Who, where and how it stands, without the messages, the profile's location and about text, and
	// the numeric status Kakiyo does not explain: Simplify off has them.
	simplify: [
		'id',
		'prospect.id',
		'campaign.id',
		'prospect.name',
		'prospect.url',
		'prospect.headline',
		'campaign.name',
		'qualification',
		'paused',
		'lastMessage',
	],
};
