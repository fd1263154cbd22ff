import type { Operation } from '../../engine/operation';
import { listOf } from '../../engine/outputs';

export const operation: Operation = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many products',
	description: "List the team's products (what campaigns talk about), one item each",
	effect: 'read',
	properties: [],
	method: 'GET',
	path: '/products',
	// Kakiyo documents no paging for products: Limit trims the one list it returns.
	paging: { kind: 'single' },
	output: listOf('products'),
};
