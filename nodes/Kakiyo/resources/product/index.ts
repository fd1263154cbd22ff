import type { Resource } from '../../engine/operation';
import { operation as create } from './create.operation';
import { operation as getAll } from './getAll.operation';

/** Products: what a campaign talks about. */
export const product: Resource = {
	displayName: 'Product',
	value: 'product',
	defaultOperation: 'getAll',
	operations: [create, getAll],
};
