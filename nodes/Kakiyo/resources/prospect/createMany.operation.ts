import { NodeOperationError } from 'n8n-workflow';
import { batchOptions, forEachItem, forList, inputChoice } from '../../engine/bulkInput';
import type { Operation } from '../../engine/operation';
import { toJsonObject } from '../../engine/outputs';
import { importResult, reportRows } from './importWait';
import {
	prospectExtras,
	prospectList,
	prospectName,
	prospectUrl,
	waitForImport,
} from './parameters';
import { readProspect, readProspects } from './prospectInput';

// Kakiyo documents no largest batch for this endpoint.
const MAX_BATCH = 100;
import { campaignLocator } from '../locators';

export const operation: Operation = {
	name: 'Add Many',
	value: 'createMany',
	action: 'Add many prospects to a campaign',
	description:
		'Add LinkedIn profiles to a campaign, 100 per call, imported in the background (see Wait for Import)',
	effect: { undo: 'Delete Many with the prospect IDs the import report gives' },
	properties: [
		{
			...campaignLocator,
			description: 'The campaign the prospects join: its ID, from Campaign > Get Many',
		},
		inputChoice('prospect', {
			name: 'JSON List',
			description:
				'Each input item gives a JSON array of prospects, added in one call; the item gets the import list ID or the whole import report',
		}),
		{ ...prospectName, displayOptions: forEachItem },
		{ ...prospectUrl, displayOptions: forEachItem },
		{ ...prospectExtras, displayOptions: forEachItem },
		{ ...prospectList, displayOptions: forList },
		...waitForImport,
		batchOptions(MAX_BATCH, 'prospects'),
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
	batch: {
		maxSize: MAX_BATCH,
		read: (parameters) => {
			const wait = parameters.boolean('waitForImport');
			const shared = {
				campaignId: parameters.id('campaignId'),
				waitForImport: wait,
				...(wait ? { maxWaitSeconds: parameters.number('maxWaitSeconds') } : {}),
			};
			return { shared, entry: readProspect(parameters) };
		},
		// Without Wait for Import each prospect gets Kakiyo's answer for its batch (the import list ID)
		// and its index in that import; with it, its own row of the import report.
		async send({ entries, shared, parameters }, calls) {
			const body = { campaignId: shared.campaignId, prospects: entries };
			const started = await calls.call({ body });
			if (!shared.waitForImport) {
				return entries.map((_, index) => ({ ...toJsonObject(started), index }));
			}
			const report = toJsonObject(await importResult(parameters, calls, started));
			const urls = entries.map(({ url }) => String(url));
			const { listId, campaignId } = report;
			return reportRows(report, urls).map(
				(row, index) =>
					(row && { listId, campaignId, ...row }) ??
					new NodeOperationError(
						this.getNode(),
						`Kakiyo's import report ${String(listId)} has no row for ${urls[index]}`,
						{
							description: `Kakiyo reported: ${calls.quote(report, 300)}. Check the prospect later with Get Import Status.`,
						},
					),
			);
		},
	},
};
