import type { Operation } from '../../engine/operation';
import { campaignLocator } from '../locators';
import { importResult } from './importWait';
import { prospectExtras, prospectName, prospectUrl, waitForImport } from './parameters';
import { readProspect } from './prospectInput';

export const operation: Operation = {
	name: 'Add',
	value: 'create',
	action: 'Add a prospect to a campaign',
	description:
		'Add one LinkedIn profile to a campaign; Kakiyo imports it in the background (see Wait for Import)',
	effect: { undo: 'Delete with the prospect ID the import report gives' },
	properties: [
		{
			...campaignLocator,
			description: 'The campaign the prospect joins: its ID, from Campaign > Get Many',
		},
		prospectName,
		prospectUrl,
		prospectExtras,
		...waitForImport,
	],
	method: 'POST',
	path: '/prospects',
	body: (parameters) => ({ campaignId: parameters.id('campaignId'), ...readProspect(parameters) }),
	async run(parameters, calls) {
		return await importResult(parameters, calls, await calls.call());
	},
};
