import type { Operation } from '../../engine/operation';
import { campaignLocator } from '../campaign/parameters';
import { importResult } from './importWait';
import { prospectList, waitForImport } from './parameters';
import { readProspects } from './prospectInput';

export const operation: Operation = {
	name: 'Add Many',
	value: 'createMany',
	action: 'Add many prospects to a campaign',
	description:
		'Add several LinkedIn profiles to a campaign in one call, imported in the background (see Wait for Import)',
	effect: { undo: 'Delete Many with the prospect IDs the import report gives' },
	properties: [
		{
			...campaignLocator,
			description: 'The campaign the prospects join: its ID, from Campaign > Get Many',
		},
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
