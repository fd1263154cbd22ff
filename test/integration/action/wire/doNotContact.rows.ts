import { byId, plain, type WireRow } from './wireRow';

export const ana = 'https://www.linkedin.com/in/AnaDiaz/';
export const bo = 'in/bochen';

export const doNotContactRows: WireRow[] = [
	{
		resource: 'doNotContact',
		operation: 'getAll',
		parameters: { returnAll: false, limit: 1 },
		items: async (kit) => {
			await kit.call('POST', '/dnc/batch', { entries: [{ url: ana }, { url: bo }] });
			return [{}, {}];
		},
		calls: () => [
			['GET', '/v1/dnc', { limit: '1', offset: '0' }, undefined],
			['GET', '/v1/dnc', { limit: '1', offset: '0' }, undefined],
		],
		output: (_items, kit) => {
			const newest = kit.team().dnc.find((entry) => entry.url.endsWith('/bochen'));
			return [
				[{ $id: newest?.$id, url: 'https://linkedin.com/in/bochen' }, 0],
				[{ $id: newest?.$id }, 1],
			];
		},
	},
	{
		resource: 'doNotContact',
		operation: 'check',
		parameters: { url: '={{ $json.url }}' },
		items: async (kit) => {
			await kit.call('POST', '/dnc', { url: ana });
			return [{ url: 'linkedin.com/in/anadiaz' }, { url: bo }];
		},
		calls: (items) =>
			items.map(({ url }) => ['GET', '/v1/dnc/check', { url: String(url) }, undefined]),
		output: () => [
			[{ onList: true, entry: { url: 'https://linkedin.com/in/anadiaz' } }, 0],
			[{ onList: false }, 1],
		],
	},
	{
		resource: 'doNotContact',
		operation: 'create',
		parameters: { url: '={{ $json.url }}' },
		items: () => [{ url: ana }, { url: bo }],
		calls: (items) => items.map(({ url }) => ['POST', '/v1/dnc', {}, { url }]),
		output: () => [
			[{ url: 'https://linkedin.com/in/anadiaz', message: 'Added to Do Not Contact list' }, 0],
			[{ url: 'https://linkedin.com/in/bochen', $id: expect.any(String) }, 1],
		],
	},
	{
		resource: 'doNotContact',
		operation: 'createMany',
		variant: 'with a list per item',
		parameters: { input: 'json', urls: '={{ $json.urls }}' },
		items: () => [{ urls: `${ana}\n${bo}, ${ana}` }, { urls: [bo] }],
		calls: () => [
			['POST', '/v1/dnc/batch', {}, { entries: [{ url: ana }, { url: bo }, { url: ana }] }],
			['POST', '/v1/dnc/batch', {}, { entries: [{ url: bo }] }],
		],
		output: () => [
			[{ added: 2, duplicates: 1, errors: 0, details: expect.any(Array) }, 0],
			[{ added: 0, duplicates: 1 }, 1],
		],
	},
	{
		resource: 'doNotContact',
		operation: 'delete',
		parameters: { entryId: byId('={{ $json.entryId }}') },
		items: async (kit) => {
			await kit.call('POST', '/dnc/batch', { entries: [{ url: ana }, { url: bo }] });
			return kit.team().dnc.map(({ $id }) => ({ entryId: $id }));
		},
		calls: (items) => items.map(({ entryId }) => plain('DELETE', `/v1/dnc/${entryId}`)),
		output: (items) => items.map(({ entryId }, index) => [{ id: entryId, deleted: true }, index]),
		check: (_items, kit) => expect(kit.team().dnc).toEqual([]),
	},
];
