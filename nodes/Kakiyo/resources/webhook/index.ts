import type { Resource } from '../../engine/operation';
import { operation as create } from './create.operation';
import { operation as remove } from './delete.operation';
import { operation as get } from './get.operation';
import { operation as getAll } from './getAll.operation';
import { operation as update } from './update.operation';

/** The team's webhooks in Kakiyo (the trigger manages its own; these are for any other receiver). */
export const webhook: Resource = {
	displayName: 'Webhook',
	value: 'webhook',
	defaultOperation: 'getAll',
	operations: [create, remove, get, getAll, update],
};
