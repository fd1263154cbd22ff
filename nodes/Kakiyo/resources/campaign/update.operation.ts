import type { Operation } from '../../engine/operation';
import { campaignLocator } from '../locators';
import { campaignFields, campaignName, campaignOptions } from './parameters';

export const operation: Operation = {
	name: 'Update',
	value: 'update',
	action: 'Update a campaign',
	description:
		'Rename a campaign or change its qualification thresholds or variables; fields not added are kept',
	effect: { undo: 'an Update with the previous values' },
	properties: [
		campaignLocator,
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [campaignName, ...campaignOptions],
		},
	],
	method: 'PUT',
	path: '/campaigns/{campaignId}',
	body: (parameters) =>
		parameters.changes(
			campaignFields(parameters, 'updateFields'),
			'name, a threshold or variables',
		),
};
