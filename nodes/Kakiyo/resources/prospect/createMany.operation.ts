import type { Operation } from '../../engine/operation';
import { campaignLocator } from '../locators';
import { importResult } from './importWait';
import { prospectList, waitForImport } from './parameters';
import { readProspects } from './prospectInput';

export const operation: Operation = {
	name: 'Add Many',
	value: 'createMany',
	action: 'Add many prospects to a campaign',
	description:
		'Add several LinkedIn profiles to a campaign in one call: Kakiyo imports them in the background and returns an import list ID, or with Wait for Import the node outputs the import report',
	properties: [
		{ ...campaignLocator, description: 'The campaign the prospects join' },
		prospectList,
		...waitForImport,
	],
	method: 'POST',
	path: '/prospects/batch',
	body: (parameters) => ({
		campaignId: parameters.id('campaignId'),
		prospects: readProspects(parameters, 'prospects'),
	}),
	async run(parameters, calls) {
		return await importResult(parameters, calls, await calls.call());
	},
};
