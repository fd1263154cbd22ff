import { byId, plain, type WireKit, type WireRow } from './wireRow';

const chatIds = '={{ $json.chatId }}';

/** The two seeded conversations: John Smith's (with messages) and Sarah Lee's. */
const seededChats = (kit: WireKit) => kit.team().prospects.map((p) => ({ chatId: p.chat.id }));

export const twoProfiles = [
	{ name: 'Ana Diaz', url: 'https://www.linkedin.com/in/anadiaz' },
	{ name: 'Bo Chen', url: 'https://www.linkedin.com/in/bochen' },
];

/** The import each item started, in order (none yet before the run). */
export const importOf = (kit: WireKit, index: number) => kit.team().imports[index]?.listId;

/**
 * Add or Add Many with Wait for Import: each item's start, then one status check (the emulator
 * completes an import at once), and the report as the item's output.
 */
function waitingForImport(row: WireRow, imported: number[]): WireRow {
	return {
		...row,
		variant: [row.variant, 'with Wait for Import'].filter(Boolean).join(' and '),
		parameters: { ...row.parameters, waitForImport: true },
		calls: (items, kit) =>
			row
				.calls(items, kit)
				.flatMap((call, index) => [
					call,
					plain('GET', `/v1/prospects/imports/${importOf(kit, index)}`),
				]),
		output: (items, kit) =>
			imported.map((count, index) => [
				{
					listId: importOf(kit, index),
					campaignId: items[index].campaignId,
					status: 'completed',
					total: count,
					imported: count,
					report: expect.any(Array),
				},
				index,
			]),
	};
}

const rows: WireRow[] = [
	{
		resource: 'prospect',
		operation: 'create',
		parameters: {
			campaignId: '={{ $json.campaignId }}',
			name: '={{ $json.name }}',
			url: '={{ $json.url }}',
			additionalFields: {
				customData: 'Met at SaaStr',
				prospectFields: { field: [{ fieldName: 'company', fieldValue: '={{ $json.company }}' }] },
			},
		},
		items: (kit) =>
			twoProfiles.map((profile, index) => ({
				...profile,
				company: ['Acme', 'Globex'][index],
				campaignId: kit.team().campaigns[0].id,
			})),
		calls: (items) =>
			items.map(({ campaignId, name, url, company }) => [
				'POST',
				'/v1/prospects',
				{},
				{
					campaignId,
					name,
					url,
					additionalFields: [{ fieldName: 'company', fieldValue: company }],
					customData: 'Met at SaaStr',
				},
			]),
		output: (items) =>
			items.map(({ campaignId }, index) => [
				{ message: 'Prospect import started', listId: expect.any(String), campaignId, total: 1 },
				index,
			]),
	},
	{
		resource: 'prospect',
		operation: 'createMany',
		variant: 'with a list per item',
		parameters: {
			input: 'json',
			campaignId: '={{ $json.campaignId }}',
			prospects: '={{ $json.prospects }}',
		},
		items: (kit) => {
			const campaignId = kit.team().campaigns[0].id;
			return [
				{ campaignId, prospects: twoProfiles },
				{ campaignId, prospects: [{ name: 'Cy Oh', url: 'linkedin.com/in/cyoh' }] },
			];
		},
		calls: (items) =>
			items.map(({ campaignId, prospects }) => [
				'POST',
				'/v1/prospects/batch',
				{},
				{ campaignId, prospects },
			]),
		output: (items) => [
			[{ listId: expect.any(String), campaignId: items[0].campaignId, total: 2 }, 0],
			[{ listId: expect.any(String), campaignId: items[1].campaignId, total: 1 }, 1],
		],
	},
	{
		resource: 'prospect',
		operation: 'createRoundRobin',
		parameters: { campaignIds: '={{ $json.campaignIds }}', prospects: '={{ $json.prospects }}' },
		items: async (kit) => {
			const campaignIds = [kit.team().campaigns[0].id, await kit.campaign('Second campaign')];
			return [
				{ campaignIds, prospects: twoProfiles },
				{ campaignIds, prospects: [{ name: 'Cy Oh', url: 'linkedin.com/in/cyoh' }] },
			];
		},
		calls: (items) =>
			items.map(({ campaignIds, prospects }) => [
				'POST',
				'/v1/prospects/batch/round-robin',
				{},
				{ campaignIds, prospects },
			]),
		output: () => [
			[{ message: 'Round Robin distribution completed', totalProspects: 2, campaignsCount: 2 }, 0],
			[{ totalProspects: 1, campaignsCount: 2 }, 1],
		],
	},
	{
		resource: 'prospect',
		operation: 'getImport',
		parameters: { listId: '={{ $json.listId }}' },
		items: async (kit) => {
			const campaignId = kit.team().campaigns[0].id;
			const started = await Promise.all(
				twoProfiles.map((profile) => kit.call('POST', '/prospects', { campaignId, ...profile })),
			);
			return started.map(({ listId }) => ({ listId }));
		},
		calls: (items) => items.map(({ listId }) => plain('GET', `/v1/prospects/imports/${listId}`)),
		output: (items) =>
			items.map(({ listId }, index) => [
				{ listId, status: 'completed', total: 1, imported: 1 },
				index,
			]),
	},
	{
		resource: 'prospect',
		operation: 'search',
		parameters: {
			filters: { q: '={{ $json.q }}', campaignId: byId('={{ $json.campaignId }}') },
			returnAll: true,
		},
		items: (kit) => {
			const campaignId = kit.team().campaigns[0].id;
			return [
				{ q: 'smith', campaignId },
				{ q: 'sarahlee', campaignId },
			];
		},
		calls: (items) =>
			items.map(({ q, campaignId }) => [
				'GET',
				'/v1/prospects/search',
				{ q: String(q), campaignId: String(campaignId) },
				undefined,
			]),
		output: (_items, kit) => {
			const [john, sarah] = kit.team().prospects;
			return [
				[{ id: john.id, chatId: john.chat.id, name: 'John Smith' }, 0],
				[{ id: sarah.id, chatId: sarah.chat.id, name: 'Sarah Lee' }, 1],
			];
		},
	},
	{
		resource: 'prospect',
		operation: 'getAll',
		parameters: { campaignId: '={{ $json.campaignId }}', returnAll: false, limit: 1 },
		items: (kit) => {
			const campaignId = kit.team().campaigns[0].id;
			return [{ campaignId }, { campaignId }];
		},
		calls: (items) =>
			items.map(({ campaignId }) => plain('GET', `/v1/prospects/campaign/${campaignId}`)),
		output: (_items, kit) => {
			const [john] = kit.team().prospects;
			return [
				[{ id: john.id, chatId: john.chat.id, name: 'John Smith' }, 0],
				[{ id: john.id }, 1],
			];
		},
	},
	{
		resource: 'prospect',
		operation: 'get',
		parameters: { chatId: chatIds },
		items: seededChats,
		calls: (items) => items.map(({ chatId }) => plain('GET', `/v1/prospects/${chatId}`)),
		output: (items) => [
			[{ id: items[0].chatId, prospect: { name: 'John Smith' }, qualification: 'inProgress' }, 0],
			[{ id: items[1].chatId, prospect: { name: 'Sarah Lee' } }, 1],
		],
	},
	{
		resource: 'prospect',
		operation: 'pause',
		parameters: { chatId: chatIds },
		items: seededChats,
		calls: (items) => items.map(({ chatId }) => plain('POST', `/v1/prospects/${chatId}/pause`)),
		output: () => [
			[{ message: 'Conversation paused successfully' }, 0],
			[{ message: 'Conversation paused successfully' }, 1],
		],
		check: (_items, kit) =>
			expect(kit.team().prospects.map((p) => p.chat.paused)).toEqual([true, true]),
	},
	{
		resource: 'prospect',
		operation: 'resume',
		parameters: { chatId: chatIds },
		items: async (kit) => {
			for (const { chatId } of seededChats(kit))
				await kit.call('POST', `/prospects/${chatId}/pause`);
			return seededChats(kit);
		},
		calls: (items) => items.map(({ chatId }) => plain('POST', `/v1/prospects/${chatId}/resume`)),
		output: () => [
			[{ message: 'Conversation resumed successfully' }, 0],
			[{ message: 'Conversation resumed successfully' }, 1],
		],
	},
	{
		resource: 'prospect',
		operation: 'qualify',
		parameters: { chatId: chatIds },
		items: seededChats,
		calls: (items) => items.map(({ chatId }) => plain('POST', `/v1/prospects/${chatId}/qualify`)),
		output: (items) =>
			items.map(({ chatId }, index) => [
				{ message: 'Prospect qualified successfully', chatId, qualification: 'qualified' },
				index,
			]),
	},
	{
		resource: 'prospect',
		operation: 'updateCustomData',
		parameters: { chatId: chatIds, customData: '={{ $json.notes }}' },
		items: (kit) =>
			seededChats(kit).map((chat, index) => ({
				...chat,
				notes: ['VP Sales, budget Q3', ''][index],
			})),
		calls: (items) =>
			items.map(({ chatId, notes }) => [
				'PATCH',
				`/v1/prospects/${chatId}/custom-data`,
				{},
				{ customData: notes },
			]),
		output: (items) => [
			[{ chatId: items[0].chatId, customDataSaved: true, customDataLength: 19 }, 0],
			[{ chatId: items[1].chatId, customDataSaved: false, customDataLength: 0 }, 1],
		],
	},
	{
		resource: 'prospect',
		operation: 'delete',
		parameters: { prospectId: '={{ $json.prospectId }}' },
		items: async (kit) => {
			for (const { chatId } of seededChats(kit))
				await kit.call('POST', `/prospects/${chatId}/pause`);
			return kit.team().prospects.map(({ id }) => ({ prospectId: id }));
		},
		calls: (items) => items.map(({ prospectId }) => plain('DELETE', `/v1/prospects/${prospectId}`)),
		output: (items) =>
			items.map(({ prospectId }, index) => [{ id: prospectId, deleted: true }, index]),
		check: (_items, kit) => expect(kit.team().prospects).toEqual([]),
	},
	{
		resource: 'prospect',
		operation: 'deleteMany',
		variant: 'with a list per item',
		parameters: {
			input: 'json',
			prospectIds: '={{ $json.prospectIds }}',
			additionalFields: { campaignId: byId('={{ $json.campaignId }}') },
		},
		items: (kit) => {
			const [john, sarah] = kit.team().prospects;
			return [
				{ prospectIds: [john.id], campaignId: john.campaignId },
				{ prospectIds: `${sarah.id}, no-such-prospect`, campaignId: sarah.campaignId },
			];
		},
		calls: (items) => [
			[
				'DELETE',
				'/v1/prospects',
				{},
				{ prospectIds: items[0].prospectIds, campaignId: items[0].campaignId },
			],
			[
				'DELETE',
				'/v1/prospects',
				{},
				{
					prospectIds: String(items[1].prospectIds).split(', '),
					campaignId: items[1].campaignId,
				},
			],
		],
		output: () => [
			[
				{ message: 'Bulk deletion completed', summary: { requested: 1, successful: 1, failed: 0 } },
				0,
			],
			[{ summary: { requested: 2, successful: 1, failed: 1 } }, 1],
		],
	},
];

/** The row of an operation above; a typo in a name fails loudly here rather than skip a row. */
function rowOf(operation: string): WireRow {
	const row = rows.find((candidate) => candidate.operation === operation);
	if (!row) throw new Error(`no prospect row for ${operation}`);
	return row;
}

export const prospectRows: WireRow[] = [
	...rows,
	waitingForImport(rowOf('create'), [1, 1]),
	waitingForImport(rowOf('createMany'), [2, 1]),
];
