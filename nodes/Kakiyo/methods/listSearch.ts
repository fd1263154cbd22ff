import {
	jsonParse,
	type IDataObject,
	type ILoadOptionsFunctions,
	type INodeListSearchResult,
} from 'n8n-workflow';
import { toList } from '../../shared/listResponse';
import { kakiyoApiRequest } from '../../shared/transport';
import { nextCursor, reportedTotal } from '../engine/paging';

interface ListSource {
	path: string;
	/** The array's name in Kakiyo's answer, e.g. `agents`. */
	collection: string;
	qs?: IDataObject;
	/**
	 * How Kakiyo pages the list, with pages as large as it allows (each costs a credit): by `after`
	 * (campaigns) or `offset` (Do Not Contact). Absent: one call returns the whole list.
	 */
	paging?: { kind: 'cursor' | 'offset'; pageSize: number };
	/** Which field is the ID (`$id` for Do Not Contact entries). */
	idField?: string;
	/** Fields the user's filter matches, besides the ID. */
	searchFields: string[];
	/** A query parameter that passes the filter to Kakiyo too, for lists too long to fetch whole. */
	filterParameter?: string;
	/** How an entry is shown in the list. */
	label: (entry: IDataObject) => string;
}

/** Where the next page starts, handed to n8n as the list's `paginationToken` and back. */
interface PagePosition {
	offset?: number;
	after?: string;
	/** Entries read so far, to stop at Kakiyo's `total`. */
	seen: number;
}

/** A filtered search reads on until it has something to show, but spends at most this many credits a call. */
const MAX_PAGES_PER_SEARCH = 5;

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** The position a token holds; the first page for none, or for one this code did not write. */
function positionOf(token: string | undefined): PagePosition {
	let position: Partial<PagePosition> = {};
	try {
		if (token) position = jsonParse<Partial<PagePosition>>(token) ?? {};
	} catch {
		// Not a token of ours: start over rather than fail the picker.
	}
	return {
		offset: Number.isInteger(position.offset) ? position.offset : undefined,
		after: typeof position.after === 'string' ? position.after : undefined,
		seen: Number.isInteger(position.seen) ? (position.seen as number) : 0,
	};
}

/** Where the page after this one starts; undefined at the end of the list. */
function nextPosition(
	paging: NonNullable<ListSource['paging']>,
	from: PagePosition,
	answer: unknown,
	entries: IDataObject[],
): PagePosition | undefined {
	const seen = from.seen + entries.length;
	const total = reportedTotal(answer);
	if (entries.length === 0 || (total !== undefined && seen >= total)) return undefined;
	if (paging.kind === 'offset') return { offset: (from.offset ?? 0) + entries.length, seen };
	const after = nextCursor(answer, entries);
	return after && after !== from.after ? { after, seen } : undefined;
}

/**
 * A resource-locator list: Kakiyo's list, one page a call where Kakiyo pages it (n8n asks for the
 * next page, with the `paginationToken` given here, as the user scrolls), filtered by the text the
 * user types (ID or a named field, case-insensitive). A picker should not hang on retries, so each
 * call is tried once.
 */
function searchList(source: ListSource) {
	return async function (
		this: ILoadOptionsFunctions,
		filter?: string,
		paginationToken?: string,
	): Promise<INodeListSearchResult> {
		const needle = (filter ?? '').trim().toLowerCase();
		const idField = source.idField ?? 'id';
		const matches = (entry: IDataObject) =>
			!needle ||
			[idField, ...source.searchFields].some((field) =>
				text(entry[field]).toLowerCase().includes(needle),
			);
		const results: INodeListSearchResult['results'] = [];
		let position: PagePosition | undefined = positionOf(paginationToken);
		for (let page = 0; position && page < MAX_PAGES_PER_SEARCH; page++) {
			const qs: IDataObject = { ...source.qs };
			if (source.filterParameter && needle) qs[source.filterParameter] = needle;
			if (source.paging) qs.limit = source.paging.pageSize;
			if (position.offset !== undefined) qs.offset = position.offset;
			else if (source.paging?.kind === 'offset') qs.offset = 0;
			if (position.after !== undefined) qs.after = position.after;
			const answer = await kakiyoApiRequest.call(this, {
				method: 'GET',
				path: source.path,
				qs: Object.keys(qs).length > 0 ? qs : undefined,
				maxRetries: 0,
			});
			const entries = toList<IDataObject>(this.getNode(), answer, source.collection).filter(
				(entry) => entry && typeof entry === 'object',
			);
			for (const entry of entries) {
				if (text(entry[idField]) && matches(entry)) {
					results.push({ name: source.label(entry), value: text(entry[idField]) });
				}
			}
			position = source.paging ? nextPosition(source.paging, position, answer, entries) : undefined;
			if (results.length > 0) break;
		}
		return position ? { results, paginationToken: JSON.stringify(position) } : { results };
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
		// The largest page Kakiyo's own node asks for.
		paging: { kind: 'cursor', pageSize: 100 },
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
		paging: { kind: 'offset', pageSize: 1000 },
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
