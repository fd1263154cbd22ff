import type { IDataObject } from 'n8n-workflow';
import { unlessDataObject } from '../../../shared/answerCheck';
import { apiPath } from '../../../shared/transport';
import { ID_PLACEHOLDER } from '../../engine/locator';
import type { Operation } from '../../engine/operation';
import { deletion, dncData } from '../../engine/outputs';

export const operation: Operation = {
	name: 'Remove',
	value: 'delete',
	action: 'Remove a profile from the Do Not Contact list',
	description:
		'Take a profile off the Do Not Contact list, by entry ID or by LinkedIn URL (one more call to look it up)',
	effect: { undo: 'Add' },
	properties: [
		{
			displayName: 'Entry',
			name: 'entryId',
			type: 'resourceLocator',
			default: { mode: 'list', value: '' },
			required: true,
			description:
				"The entry to remove: its entry ID, from Do Not Contact > Get Many or Check, or the profile's LinkedIn URL",
			modes: [
				{
					displayName: 'From List',
					name: 'list',
					type: 'list',
					placeholder: 'Select an entry...',
					typeOptions: { searchListMethod: 'searchDoNotContactEntries', searchable: true },
				},
				{
					displayName: 'By ID',
					name: 'id',
					type: 'string',
					placeholder: ID_PLACEHOLDER,
				},
				{
					displayName: 'By LinkedIn URL',
					name: 'url',
					type: 'string',
					placeholder: 'e.g. https://www.linkedin.com/in/johnsmith',
				},
			],
		},
	],
	method: 'DELETE',
	path: '/dnc/{entryId}',
	async run(parameters, calls) {
		const entry = parameters.raw('entryId') as IDataObject | string;
		if (typeof entry !== 'object' || entry?.mode !== 'url') {
			await calls.call();
			return deletion(parameters.id('entryId'));
		}
		// Kakiyo deletes by entry ID only: look the URL up first.
		const url = parameters.id('entryId');
		const check = dncData(
			await calls.call({ method: 'GET', path: '/dnc/check', qs: { url } }),
			parameters,
		)[0];
		const id = (check.entry as IDataObject | undefined)?.$id;
		if (check.onList !== true || typeof id !== 'string' || !id) {
			throw parameters.error(
				`${url} is not on the Do Not Contact list`,
				'Nothing was removed. Check the URL, or list the entries with Get Many.',
			);
		}
		await calls.call({ path: apiPath('dnc', id) });
		return deletion(id);
	},
	// Every Do Not Contact answer is the `{error, data, message?}` envelope; the output is the
	// confirmation every Delete gives, with the entry ID also when the URL was given.
	refuse: unlessDataObject,
};
