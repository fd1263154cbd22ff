import type { Resource } from '../../engine/operation';
import { operation as create } from './create.operation';
import { operation as remove } from './delete.operation';
import { operation as get } from './get.operation';
import { operation as getAll } from './getAll.operation';
import { operation as pause } from './pause.operation';
import { operation as relaunch } from './relaunch.operation';
import { operation as resume } from './resume.operation';
import { operation as setup } from './setup.operation';
import { operation as update } from './update.operation';

/** Agents: the LinkedIn accounts that do the outreach (status setup_needed → running ⇄ paused → ended). */
export const agent: Resource = {
	displayName: 'Agent',
	value: 'agent',
	defaultOperation: 'getAll',
	operations: [create, remove, get, getAll, pause, relaunch, resume, setup, update],
};
