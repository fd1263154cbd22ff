import type { Operation } from '../../engine/operation';
import { listOf } from '../../engine/outputs';

export const operation: Operation = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many campaigns',
	description: "List the team's campaigns with their status, one item each",
	effect: 'read',
	properties: [],
	method: 'GET',
	path: '/campaigns',
	// Kakiyo's node sends `limit` and `after`; what the cursor is, no source says, so only a cursor
	// the answer names is followed, else one page is read (docs/kakiyo-api.md#paging).
	paging: { kind: 'cursor', maxPageSize: 100 },
	output: listOf('campaigns'),
};
