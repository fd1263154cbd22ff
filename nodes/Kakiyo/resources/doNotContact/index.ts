import type { Resource } from '../../engine/operation';
import { operation as check } from './check.operation';
import { operation as create } from './create.operation';
import { operation as createMany } from './createMany.operation';
import { operation as remove } from './delete.operation';
import { operation as getAll } from './getAll.operation';

/** The Do Not Contact list: LinkedIn profiles no agent may contact. */
export const doNotContact: Resource = {
	displayName: 'Do Not Contact',
	value: 'doNotContact',
	defaultOperation: 'check',
	operations: [check, create, createMany, remove, getAll],
};
