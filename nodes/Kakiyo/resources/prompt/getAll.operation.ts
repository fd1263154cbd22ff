import type { Operation } from '../../engine/operation';
import { listOf } from '../../engine/outputs';

export const operation: Operation = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many prompts',
	description: "List the team's prompts (how agents write), one item each",
	effect: 'read',
	properties: [],
	method: 'GET',
	path: '/prompts',
	// Kakiyo documents no paging for prompts: Limit trims the one list it returns.
	paging: { kind: 'single' },
	output: listOf('prompts'),
};
