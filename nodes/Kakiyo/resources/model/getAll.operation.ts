import type { Operation } from '../../engine/operation';
import { listOf } from '../../engine/outputs';

export const operation: Operation = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many models',
	description: 'List the AI models prompts can use, with their prices, one item each',
	effect: 'read',
	properties: [],
	method: 'GET',
	path: '/models',
	paging: { kind: 'single' },
	output: listOf('models'),
};
