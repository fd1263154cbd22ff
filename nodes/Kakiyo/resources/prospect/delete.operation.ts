import type { Operation } from '../../engine/operation';
import { prospectLocator } from '../locators';

export const operation: Operation = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a prospect',
	description:
		"Permanently delete a prospect with its conversations, messages, tasks and webhook events, and update its campaign's counts; pause an active conversation first",
	properties: [prospectLocator],
	method: 'DELETE',
	path: '/prospects/{prospectId}',
};
