import type { Operation } from '../../engine/operation';
import { idLocator } from '../../engine/locator';

export const operation: Operation = {
	name: 'Get',
	value: 'get',
	action: 'Get a model',
	description: 'Get one AI model with its prices per million tokens',
	effect: 'read',
	properties: [
		idLocator({
			name: 'modelId',
			displayName: 'Model',
			searchListMethod: 'searchModels',
			description: 'The AI model: its ID, from Model > Get Many',
		}),
	],
	method: 'GET',
	path: '/models/{modelId}',
};
