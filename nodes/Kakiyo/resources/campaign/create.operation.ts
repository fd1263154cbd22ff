import type { Operation } from '../../engine/operation';
import { idLocator } from '../../engine/locator';
import { agentLocator } from '../locators';
import { campaignFields, campaignName, campaignOptions } from './parameters';

export const operation: Operation = {
	name: 'Create',
	value: 'create',
	action: 'Create a campaign',
	description:
		'Create a campaign in which an agent reaches out about a product with a prompt; it starts active',
	properties: [
		{ ...campaignName, required: true },
		idLocator({
			name: 'productId',
			displayName: 'Product',
			searchListMethod: 'searchProducts',
			description: 'The product the campaign talks about',
			example: '69724b7100331796aae2',
		}),
		idLocator({
			name: 'promptId',
			displayName: 'Prompt',
			searchListMethod: 'searchPrompts',
			description: 'The prompt that shapes what the agent writes',
			example: '69724b7100331796aae2',
		}),
		{ ...agentLocator, description: 'The agent (LinkedIn account) that runs the campaign' },
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: campaignOptions,
		},
	],
	method: 'POST',
	path: '/campaigns',
	// Only what the user set: Kakiyo applies its own defaults to the thresholds.
	body: (parameters) => ({
		name: parameters.string('name'),
		productId: parameters.id('productId'),
		promptId: parameters.id('promptId'),
		agentId: parameters.id('agentId'),
		...campaignFields(parameters, 'additionalFields'),
	}),
};
