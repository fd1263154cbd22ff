import type { Operation } from '../../engine/operation';
import { listOf } from '../../engine/outputs';
import { SIMPLIFIED_AGENT } from './parameters';

export const operation: Operation = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many agents',
	description: "List the team's agents (LinkedIn sender accounts) with their status, one item each",
	effect: 'read',
	properties: [],
	method: 'GET',
	path: '/agents',
	// Kakiyo documents no paging for agents: Limit trims the one list it returns.
	paging: { kind: 'single' },
	output: listOf('agents'),
	simplify: SIMPLIFIED_AGENT,
};
