import type { Resource } from '../../engine/operation';
import { operation as assignAgent } from './assignAgent.operation';
import { operation as create } from './create.operation';
import { operation as remove } from './delete.operation';
import { operation as getAll } from './getAll.operation';
import { operation as inviteClient } from './inviteClient.operation';
import { operation as removeClient } from './removeClient.operation';
import { operation as unassignAgent } from './unassignAgent.operation';

/** Workspaces: an agency's client spaces (Kakiyo Agency plan only). */
export const workspace: Resource = {
	displayName: 'Workspace',
	value: 'workspace',
	defaultOperation: 'getAll',
	operations: [assignAgent, create, remove, getAll, inviteClient, removeClient, unassignAgent],
};
