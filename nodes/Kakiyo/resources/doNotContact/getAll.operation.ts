import type { Operation } from '../../engine/operation';
import { listOf } from '../../engine/outputs';

export const operation: Operation = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many Do Not Contact entries',
	description: 'List the LinkedIn profiles agents never contact, newest first, one item each',
	effect: 'read',
	properties: [],
	method: 'GET',
	path: '/dnc',
	// Kakiyo pages this list with `limit` (up to 1,000) and `offset`, and reports the total.
	paging: { kind: 'offset', maxPageSize: 1000 },
	output: listOf('entries'),
};
