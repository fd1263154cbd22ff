import type { Resource } from '../../engine/operation';
import { operation as create } from './create.operation';
import { operation as createMany } from './createMany.operation';
import { operation as createRoundRobin } from './createRoundRobin.operation';
import { operation as remove } from './delete.operation';
import { operation as deleteMany } from './deleteMany.operation';
import { operation as get } from './get.operation';
import { operation as getAll } from './getAll.operation';
import { operation as getImport } from './getImport.operation';
import { operation as pause } from './pause.operation';
import { operation as qualify } from './qualify.operation';
import { operation as resume } from './resume.operation';
import { operation as search } from './search.operation';
import { operation as updateCustomData } from './updateCustomData.operation';

/**
 * Prospects and their conversations. Most calls take the conversation's chat ID (what Kakiyo's
 * events carry as data.chatId); the deletes take the prospect ID.
 */
export const prospect: Resource = {
	displayName: 'Prospect',
	value: 'prospect',
	defaultOperation: 'getAll',
	operations: [
		create,
		createMany,
		createRoundRobin,
		remove,
		deleteMany,
		get,
		getAll,
		getImport,
		pause,
		qualify,
		resume,
		search,
		updateCustomData,
	],
};
