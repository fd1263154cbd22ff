import type { Operation } from '../../engine/operation';
import { deletedBy } from '../../engine/outputs';
import { workspaceLocator } from '../locators';

export const operation: Operation = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a workspace',
	description:
		'Permanently delete a client workspace: its clients lose access, its agents are unassigned (not deleted)',
	effect: 'permanent',
	properties: [workspaceLocator],
	method: 'DELETE',
	path: '/workspaces/{workspaceId}',
	output: deletedBy('workspaceId'),
};
