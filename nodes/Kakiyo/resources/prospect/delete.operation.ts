import type { Operation } from '../../engine/operation';
import { deletedBy } from '../../engine/outputs';
import { prospectLocator } from '../locators';

export const operation: Operation = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a prospect',
	description:
		'Permanently delete a prospect with its conversations and messages; pause an active conversation first',
	effect: 'permanent',
	properties: [prospectLocator],
	method: 'DELETE',
	path: '/prospects/{prospectId}',
	output: deletedBy('prospectId'),
};
