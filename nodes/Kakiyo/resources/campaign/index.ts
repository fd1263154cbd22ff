import type { Resource } from '../../engine/operation';
import { operation as create } from './create.operation';
import { operation as remove } from './delete.operation';
import { operation as getAll } from './getAll.operation';
import { operation as getStats } from './getStats.operation';
import { operation as pause } from './pause.operation';
import { operation as resume } from './resume.operation';
import { operation as update } from './update.operation';

/** Campaigns: an agent, a product and a prompt working through a list of prospects. */
export const campaign: Resource = {
	displayName: 'Campaign',
	value: 'campaign',
	defaultOperation: 'getAll',
	operations: [create, remove, getAll, getStats, pause, resume, update],
};
