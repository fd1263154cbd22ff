import { NodeOperationError, type IDataObject } from 'n8n-workflow';
import { batchOptions, forEachItem, forList, inputChoice } from '../../engine/bulkInput';
import type { Operation } from '../../engine/operation';
import { toJsonObject } from '../../engine/outputs';
import { campaignFilter, campaignFilterField, prospectLocator } from '../locators';

// Kakiyo documents 1 to 100 prospect IDs per call.
const MAX_IDS = 100;

export const operation: Operation = {
	name: 'Delete Many',
	value: 'deleteMany',
	action: 'Delete many prospects',
	description:
		'Permanently delete prospects with their conversations, 100 per call; each item gets its own result',
	effect: 'permanent',
	properties: [
		inputChoice('prospect', {
			name: 'List of IDs',
			description:
				'Each input item gives 1 to 100 prospect IDs, deleted in one call; the item gets the whole summary',
		}),
		{
			...prospectLocator,
			description:
				'The prospect to delete: its prospect ID (not the chat ID), from Prospect > Get Many or data.prospectId of events',
			displayOptions: forEachItem,
		},
		{
			displayName: 'Prospect IDs',
			name: 'prospectIds',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. 69724b7100331796aae2, 69724b7100331796aae3',
			description:
				'The prospect IDs (not chat IDs) to delete, 1 to 100, from Prospect > Get Many or data.prospectId of events; separated by commas, or an array',
			displayOptions: forList,
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
		batchOptions(MAX_IDS, 'prospect IDs'),
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
	batch: {
		maxSize: MAX_IDS,
		read: (parameters) => ({
			entry: { prospectId: parameters.id('prospectId') },
			shared: campaignFilter(parameters, 'additionalFields'),
		}),
		// An ID given by two items is sent once; both get its result.
		async send({ entries, shared }, calls) {
			const ids = entries.map(({ prospectId }) => String(prospectId));
			const answer = await calls.call({ body: { prospectIds: [...new Set(ids)], ...shared } });
			const { results } = toJsonObject(answer);
			const lines = (Array.isArray(results) ? results : []).map(toJsonObject);
			const lineOf = (id: string) => lines.find(({ prospectId }) => prospectId === id);
			return ids.map(
				(id): IDataObject | Error =>
					lineOf(id) ??
					new NodeOperationError(this.getNode(), `Kakiyo's answer has no result for ${id}`, {
						description: `Kakiyo answered ${calls.quote(answer, 300)}. The prospect may have been deleted anyway; look it up with Get before trying again.`,
					}),
			);
		},
	},
};
