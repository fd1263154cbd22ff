import type { Operation } from '../../engine/operation';
import { workspaceLocator } from '../locators';

export const operation: Operation = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a workspace',
	description:
		'Permanently delete a client workspace: its clients lose access, and its agents are unassigned from it along with their campaigns and conversations (the agents themselves are kept)',
	properties: [workspaceLocator],
	method: 'DELETE',
	path: '/workspaces/{workspaceId}',
};
