import type { Operation } from '../../engine/operation';
import { deletedBy } from '../../engine/outputs';
import { agentLocator } from '../locators';

export const operation: Operation = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete an agent',
	description: 'Permanently delete an ended agent with its usage statistics and browser profile',
	effect: 'permanent',
	properties: [agentLocator],
	method: 'DELETE',
	path: '/agents/{agentId}',
	output: deletedBy('agentId'),
};
