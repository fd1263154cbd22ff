import type { Operation } from '../../engine/operation';
import { listOf } from '../../engine/outputs';

export const operation: Operation = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many campaigns',
	description: "List the team's campaigns with their status, one item each",
	properties: [],
	method: 'GET',
	path: '/campaigns',
	// Kakiyo pages campaigns with `limit` and an `after` cursor (the last campaign ID seen).
	paging: { kind: 'cursor', maxPageSize: 100 },
	output: listOf('campaigns'),
};
