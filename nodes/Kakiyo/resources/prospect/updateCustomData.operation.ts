import type { Operation } from '../../engine/operation';
import { chatLocator } from '../locators';
import { customData } from './parameters';
import { readCustomData } from './prospectInput';

export const operation: Operation = {
	name: 'Update Custom Data',
	value: 'updateCustomData',
	action: 'Update the custom data of a prospect',
	description:
		'Replace the notes the agent uses when writing to this prospect (up to 3,000 characters; empty clears them)',
	effect: { undo: 'Update Custom Data with the previous notes' },
	properties: [
		chatLocator,
		{
			...customData,
			description:
				'The new notes, replacing the old ones (up to 3,000 characters); leave empty to clear them',
		},
	],
	method: 'PATCH',
	path: '/prospects/{chatId}/custom-data',
	body: (parameters) => ({ customData: readCustomData(parameters, 'customData') }),
};
