import type { Operation } from '../../engine/operation';

export const operation: Operation = {
	name: 'Create',
	value: 'create',
	action: 'Create an agent',
	description:
		'Create an agent, then connect its LinkedIn account with Set Up; Kakiyo does not document the answer',
	effect: { undo: 'Delete once the agent is ended' },
	properties: [],
	method: 'POST',
	// Kakiyo takes no fields here (its own node sends no body); name and country come with Set Up.
	path: '/agents',
};
