import type { Resource } from '../../engine/operation';
import { operation as create } from './create.operation';
import { operation as getAll } from './getAll.operation';

/** Prompts: how an agent writes invitations and messages. */
export const prompt: Resource = {
	displayName: 'Prompt',
	value: 'prompt',
	defaultOperation: 'getAll',
	operations: [create, getAll],
};
