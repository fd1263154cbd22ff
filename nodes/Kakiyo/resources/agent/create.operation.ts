import type { Operation } from '../../engine/operation';

export const operation: Operation = {
	name: 'Create',
	value: 'create',
	action: 'Create an agent',
	description:
		'Create a new agent in status setup_needed; connect its LinkedIn account next with Setup',
	properties: [],
	method: 'POST',
	// Kakiyo takes no fields here (its own node sends no body); name and country come with Setup.
	path: '/agents',
};
