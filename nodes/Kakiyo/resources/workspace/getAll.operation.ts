import type { Operation } from '../../engine/operation';
import { listOf } from '../../engine/outputs';

export const operation: Operation = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many workspaces',
	description: "List the agency's client workspaces, one item each (Agency plan)",
	effect: 'read',
	properties: [],
	method: 'GET',
	path: '/workspaces',
	paging: { kind: 'single' },
	output: listOf('workspaces'),
};
