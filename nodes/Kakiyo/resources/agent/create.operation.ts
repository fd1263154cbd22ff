import type { Operation } from '../../engine/operation';

export const operation: Operation = {
	name: 'Create',
	value: 'create',
	action: 'Create an agent',
	description:
		'Create an agent, then connect its LinkedIn account with Set Up; Kakiyo does not document the answer',
	// Kakiyo deletes only an ended agent, and no call ends one.
	effect: 'permanent',
	properties: [],
	method: 'POST',
	// Kakiyo takes no fields here (its own node sends no body); name and country come with Set Up.
	path: '/agents',
};
