import type { Resource } from '../../engine/operation';
import { operation as get } from './get.operation';
import { operation as getAll } from './getAll.operation';

/** Models: the AI models Kakiyo offers for prompts (read-only). */
export const model: Resource = {
	displayName: 'Model',
	value: 'model',
	defaultOperation: 'getAll',
	operations: [get, getAll],
};
