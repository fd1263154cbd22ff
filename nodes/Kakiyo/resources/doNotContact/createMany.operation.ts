import { NodeOperationError, type IDataObject } from 'n8n-workflow';
import { unlessDataObject } from '../../../shared/answerCheck';
import { pairByKey, profileKey } from '../../../shared/profileUrl';
import { batchOptions, forEachItem, forList, inputChoice } from '../../engine/bulkInput';
import type { Operation } from '../../engine/operation';
import { dncData, toJsonObject } from '../../engine/outputs';
import { profileUrl } from './parameters';

// Kakiyo documents no largest batch for this endpoint (only 10 calls a minute).
const MAX_BATCH = 100;

export const operation: Operation = {
	name: 'Add Many',
	value: 'createMany',
	action: 'Add many profiles to the Do Not Contact list',
	description:
		'Put LinkedIn profiles on the Do Not Contact list, 100 per call; each item gets added, duplicate or error',
	effect: { undo: 'Remove, entry by entry' },
	properties: [
		inputChoice('LinkedIn URL', {
			name: 'List of URLs',
			description: 'Each input item gives a list of LinkedIn URLs, added in one call',
		}),
		{ ...profileUrl, displayOptions: forEachItem },
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
			displayOptions: forList,
		},
		batchOptions(MAX_BATCH, 'URLs'),
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
	batch: {
		maxSize: MAX_BATCH,
		read: (parameters) => ({ entry: { url: parameters.string('url') } }),
		// Each URL's own line of Kakiyo's details (added, duplicate or error), found by the normalised
		// URL Kakiyo answers with: a URL sent twice meets its two lines (added, then duplicate) in order.
		async send({ entries }, calls) {
			const answer = await calls.call({ body: { entries } });
			const { details } = toJsonObject(toJsonObject(answer).data);
			const lines = Array.isArray(details) ? details.map(toJsonObject) : [];
			const urls = entries.map(({ url }) => String(url));
			const urlOf = ({ url }: IDataObject) =>
				typeof url === 'string' ? profileKey(url) : undefined;
			return pairByKey(urls.map(profileKey), lines, urlOf).map(
				(line, index) =>
					line ??
					new NodeOperationError(
						this.getNode(),
						`Kakiyo's answer has no result for ${urls[index]}`,
						{
							description: `Kakiyo answered ${calls.quote(answer, 300)}. The profile may have been added anyway; check it with Do Not Contact > Check.`,
						},
					),
			);
		},
	},
};
