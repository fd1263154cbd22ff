import type { Operation } from '../../engine/operation';
import { agentLocator, workspaceLocator } from '../locators';

export const operation: Operation = {
	name: 'Assign Agent',
	value: 'assignAgent',
	action: 'Assign an agent to a workspace',
	description:
		'Move an agent into a client workspace, with its campaigns, conversations and prospects',
	effect: { undo: 'Unassign Agent' },
	properties: [workspaceLocator, agentLocator],
	method: 'POST',
	path: '/workspaces/{workspaceId}/agents/{agentId}',
};
