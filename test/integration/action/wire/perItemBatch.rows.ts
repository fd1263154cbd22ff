import { ana, bo } from './doNotContact.rows';
import { importOf, twoProfiles } from './prospect.rows';
import { byId, plain, type WireRow } from './wireRow';

/**
 * The batch operations with Input "One per Input Item": both input items go out in one call, and
 * each output item holds its own result (Do Not Contact Add Many, Prospect Add Many with and without
 * Wait for Import, Prospect Delete Many). Their list mode has its rows beside the other operations.
 */

/** Add Many with one prospect per input item: both go in one call, each gets its own result. */
const addManyPerItem: WireRow = {
	resource: 'prospect',
	operation: 'createMany',
	parameters: {
		campaignId: '={{ $json.campaignId }}',
		name: '={{ $json.name }}',
		url: '={{ $json.url }}',
		additionalFields: {
			prospectFields: { field: [{ fieldName: 'company', fieldValue: '={{ $json.company }}' }] },
		},
	},
	batched: true,
	items: (kit) =>
		twoProfiles.map((profile, index) => ({
			...profile,
			company: ['Acme', 'Globex'][index],
			campaignId: kit.team().campaigns[0].id,
		})),
	calls: (items) => [
		[
			'POST',
			'/v1/prospects/batch',
			{},
			{
				campaignId: items[0].campaignId,
				prospects: items.map(({ name, url, company }) => ({
					name,
					url,
					additionalFields: [{ fieldName: 'company', fieldValue: company }],
				})),
			},
		],
	],
	output: (items, kit) =>
		items.map(({ campaignId }, index) => [
			{ message: 'Prospect import started', listId: importOf(kit, 0), campaignId, total: 2, index },
			index,
		]),
};

export const perItemBatchRows: WireRow[] = [
	{
		resource: 'doNotContact',
		operation: 'createMany',
		parameters: { url: '={{ $json.url }}' },
		batched: true,
		items: async (kit) => {
			await kit.call('POST', '/dnc', { url: bo });
			return [{ url: ana }, { url: 'linkedin.com/in/BoChen/' }];
		},
		calls: (items) => [['POST', '/v1/dnc/batch', {}, { entries: items }]],
		output: () => [
			[{ url: 'https://linkedin.com/in/anadiaz', status: 'added' }, 0],
			[{ url: 'https://linkedin.com/in/bochen', status: 'duplicate' }, 1],
		],
	},
	addManyPerItem,
	{
		...addManyPerItem,
		variant: 'with Wait for Import',
		parameters: { ...addManyPerItem.parameters, waitForImport: true },
		calls: (items, kit) => [
			...addManyPerItem.calls(items, kit),
			plain('GET', `/v1/prospects/imports/${importOf(kit, 0)}`),
		],
		output: (items, kit) =>
			items.map(({ campaignId, url }, index) => [
				{
					listId: importOf(kit, 0),
					campaignId,
					index,
					inputUrl: url,
					status: 'imported',
					prospectId: kit
						.team()
						.prospects.find((p) => p.url.endsWith(['/anadiaz', '/bochen'][index]))?.id,
					chatCreated: true,
				},
				index,
			]),
	},
	{
		resource: 'prospect',
		operation: 'deleteMany',
		parameters: {
			prospectId: byId('={{ $json.prospectId }}'),
			additionalFields: { campaignId: byId('={{ $json.campaignId }}') },
		},
		batched: true,
		items: (kit) => {
			const [john] = kit.team().prospects;
			return [
				{ prospectId: john.id, campaignId: john.campaignId },
				{ prospectId: 'no-such-prospect', campaignId: john.campaignId },
			];
		},
		calls: (items) => [
			[
				'DELETE',
				'/v1/prospects',
				{},
				{ prospectIds: items.map(({ prospectId }) => prospectId), campaignId: items[0].campaignId },
			],
		],
		output: (items) => [
			[{ prospectId: items[0].prospectId, status: 'success', prospectName: 'John Smith' }, 0],
			[{ prospectId: 'no-such-prospect', status: 'failed', error: 'not_found' }, 1],
		],
		check: (_items, kit) =>
			expect(kit.team().prospects.map(({ name }) => name)).toEqual(['Sarah Lee']),
	},
];
