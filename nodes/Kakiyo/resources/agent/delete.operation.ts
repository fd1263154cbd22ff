import type { Operation } from '../../engine/operation';
import { agentLocator } from '../locators';

export const operation: Operation = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete an agent',
	description:
		'Permanently delete an agent with its usage statistics and browser profile. Only for agents in status ended.',
	properties: [agentLocator],
	method: 'DELETE',
	path: '/agents/{agentId}',
};
