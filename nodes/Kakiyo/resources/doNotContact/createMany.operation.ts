import { unlessDataObject } from '../../../shared/answerCheck';
import type { Operation } from '../../engine/operation';
import { dncData } from '../../engine/outputs';

export const operation: Operation = {
	name: 'Add Many',
	value: 'createMany',
	action: 'Add many profiles to the Do Not Contact list',
	description:
		'Put several LinkedIn profiles on the Do Not Contact list in one call; ones already there are skipped',
	effect: { undo: 'Remove, entry by entry' },
	properties: [
		{
			displayName: 'LinkedIn URLs',
			name: 'urls',
			type: 'string',
			typeOptions: { rows: 4 },
			required: true,
			default: '',
			placeholder: 'e.g. https://www.linkedin.com/in/johnsmith, in/janedoe',
			description:
				'The LinkedIn profile URLs, separated by commas or new lines, or an array from an expression',
		},
	],
	method: 'POST',
	path: '/dnc/batch',
	body: (parameters) => {
		const urls = parameters.list('urls', /[\n,]/);
		if (urls.length === 0)
			throw parameters.error('LinkedIn URLs is empty', 'Give at least one URL.');
		return { entries: urls.map((url) => ({ url })) };
	},
	// Every Do Not Contact answer is the `{error, data, message?}` envelope.
	refuse: unlessDataObject,
	output: dncData,
};
