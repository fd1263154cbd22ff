import type { Operation } from '../../engine/operation';
import { idLocator } from '../../engine/locator';
import { agentLocator } from '../locators';
import { campaignFields, campaignName, campaignOptions } from './parameters';

export const operation: Operation = {
	name: 'Create',
	value: 'create',
	action: 'Create a campaign',
	description:
		'Create a campaign: an agent writes about a product with a prompt; Kakiyo does not document its start',
	effect: { undo: 'Pause then Delete' },
	properties: [
		{ ...campaignName, required: true },
		idLocator({
			name: 'productId',
			displayName: 'Product',
			searchListMethod: 'searchProducts',
			description: 'The product the campaign talks about: its ID, from Product > Get Many',
		}),
		idLocator({
			name: 'promptId',
			displayName: 'Prompt',
			searchListMethod: 'searchPrompts',
			description: 'The prompt that shapes what the agent writes: its ID, from Prompt > Get Many',
		}),
		{
			...agentLocator,
			description:
				'The agent (LinkedIn account) that runs the campaign: its ID, from Agent > Get Many',
		},
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
