import type { Operation } from '../../engine/operation';
import { campaignFilter, campaignFilterField } from '../locators';

const MAX_IDS = 100;

export const operation: Operation = {
	name: 'Delete Many',
	value: 'deleteMany',
	action: 'Delete many prospects',
	description:
		'Permanently delete up to 100 prospects with their conversations, messages, tasks and webhook events; outputs which were deleted and which failed',
	properties: [
		{
			displayName: 'Prospect IDs',
			name: 'prospectIds',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. 69724b7100331796aae2, 69724b7100331796aae3',
			description:
				'The prospect IDs (not chat IDs) to delete, 1 to 100, separated by commas, or an array from an expression',
		},
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				campaignFilterField(
					'A safety check: only prospects of this campaign are deleted, the others fail',
				),
			],
		},
	],
	method: 'DELETE',
	path: '/prospects',
	// Kakiyo reads the IDs from the body of this DELETE: no path, so any ID is safe to send, and one
	// Kakiyo does not know comes back as failed in its results.
	body: (parameters) => {
		const prospectIds = [...new Set(parameters.list('prospectIds'))];
		if (prospectIds.length === 0 || prospectIds.length > MAX_IDS) {
			throw parameters.error(
				`Give 1 to ${MAX_IDS} prospect IDs (got ${prospectIds.length})`,
				'Kakiyo deletes at most 100 prospects per call; split a longer list over several items.',
			);
		}
		return { prospectIds, ...campaignFilter(parameters, 'additionalFields') };
	},
};
