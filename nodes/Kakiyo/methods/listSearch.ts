import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { toList } from '../../shared/listResponse';
import { kakiyoApiRequest } from '../../shared/transport';

interface ListSource {
	path: string;
	/** The array's name in Kakiyo's answer, e.g. `agents`. */
	collection: string;
	qs?: IDataObject;
	/** Which field is the ID (`$id` for Do Not Contact entries). */
	idField?: string;
	/** Fields the user's filter matches, besides the ID. */
	searchFields: string[];
	/** A query parameter that passes the filter to Kakiyo too, for lists too long to fetch whole. */
	filterParameter?: string;
	/** How an entry is shown in the list. */
	label: (entry: IDataObject) => string;
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/**
 * A resource-locator list: one call to a Kakiyo list (1 credit), filtered by the text the user types
 * (ID or a named field, case-insensitive). A picker should not hang on retries, so it tries once.
 */
function searchList(source: ListSource) {
	return async function (
		this: ILoadOptionsFunctions,
		filter?: string,
	): Promise<INodeListSearchResult> {
		const needle = (filter ?? '').trim().toLowerCase();
		const idField = source.idField ?? 'id';
		const qs = { ...source.qs };
		if (source.filterParameter && needle) qs[source.filterParameter] = needle;
		const answer = await kakiyoApiRequest.call(this, {
			method: 'GET',
			path: source.path,
			qs: Object.keys(qs).length > 0 ? qs : undefined,
			maxRetries: 0,
		});
		const entries = toList<IDataObject>(this.getNode(), answer, source.collection).filter(
			(entry) => entry && typeof entry === 'object' && text(entry[idField]),
		);
		const results = entries
			.filter(
				(entry) =>
					!needle ||
					[idField, ...source.searchFields].some((field) =>
						text(entry[field]).toLowerCase().includes(needle),
					),
			)
			.map((entry) => ({ name: source.label(entry), value: text(entry[idField]) }));
		return { results };
	};
}

const named = (entry: IDataObject) => text(entry.name) || text(entry.id);
const withStatus = (entry: IDataObject) =>
	text(entry.status) ? `${named(entry)} (${text(entry.status)})` : named(entry);

/** The pickers of the node, by the `searchListMethod` name the parameters use. */
export const listSearch = {
	searchAgents: searchList({
		path: '/agents',
		collection: 'agents',
		searchFields: ['name', 'login'],
		label: withStatus,
	}),
	searchCampaigns: searchList({
		path: '/campaigns',
		collection: 'campaigns',
		// The largest page Kakiyo's own node asks for; a picker needs no more.
		qs: { limit: 100 },
		searchFields: ['name'],
		label: withStatus,
	}),
	searchProducts: searchList({
		path: '/products',
		collection: 'products',
		searchFields: ['name'],
		label: named,
	}),
	searchPrompts: searchList({
		path: '/prompts',
		collection: 'prompts',
		searchFields: ['name'],
		label: named,
	}),
	searchModels: searchList({
		path: '/models',
		collection: 'models',
		searchFields: ['name'],
		label: named,
	}),
	searchWorkspaces: searchList({
		path: '/workspaces',
		collection: 'workspaces',
		searchFields: ['name'],
		label: named,
	}),
	searchConversations: searchList({
		path: '/prospects/search',
		collection: 'prospects',
		filterParameter: 'q',
		idField: 'chatId',
		searchFields: ['name', 'url', 'id'],
		label: withStatus,
	}),
	searchProspects: searchList({
		path: '/prospects/search',
		collection: 'prospects',
		filterParameter: 'q',
		searchFields: ['name', 'url', 'chatId'],
		label: withStatus,
	}),
	searchDoNotContactEntries: searchList({
		path: '/dnc',
		collection: 'entries',
		qs: { limit: 1000 },
		idField: '$id',
		searchFields: ['url'],
		label: (entry) => text(entry.url) || text(entry.$id),
	}),
	searchWebhooks: searchList({
		path: '/webhooks',
		collection: 'webhooks',
		searchFields: ['name', 'url'],
		label: (entry) =>
			`${named(entry)}${text(entry.url) ? ` (${text(entry.url)})` : ''}${entry.active === false ? ' [inactive]' : ''}`,
	}),
};
