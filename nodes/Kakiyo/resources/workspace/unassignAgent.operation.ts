import type { Operation } from '../../engine/operation';
import { agentLocator, workspaceLocator } from '../locators';

export const operation: Operation = {
	name: 'Unassign Agent',
	value: 'unassignAgent',
	action: 'Unassign an agent from a workspace',
	description:
		'Take an agent, with its campaigns, conversations and prospects, out of a client workspace (the agent is kept)',
	effect: { undo: 'Assign Agent' },
	properties: [workspaceLocator, agentLocator],
	method: 'DELETE',
	path: '/workspaces/{workspaceId}/agents/{agentId}',
};
