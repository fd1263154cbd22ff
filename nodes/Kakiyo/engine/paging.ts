import type { IDataObject } from 'n8n-workflow';
import type { ItemParameters } from './itemParameters';
import type { Calls, OutputMapper, Paging } from './operation';

/** A safety net against a server that ignores the paging parameters: never more pages than this. */
const MAX_PAGES = 1000;

/** The `total` Kakiyo reports beside a list (`{…, total}` or `{data: {…, total}}`), if any. */
function reportedTotal(answer: unknown): number | undefined {
	const top = answer as IDataObject | null;
	const data = top?.data as IDataObject | undefined;
	const total = top?.total ?? data?.total;
	return typeof total === 'number' && Number.isFinite(total) ? total : undefined;
}

/** A cursor the answer offers for the next page, if it offers one. */
function reportedCursor(answer: unknown): string | undefined {
	const top = answer as IDataObject | null;
	for (const key of ['nextCursor', 'next', 'cursor']) {
		const value = top?.[key];
		if (typeof value === 'string' && value) return value;
	}
	return undefined;
}

/** The ID of a page's last object, if it has one. */
function lastId(pageItems: IDataObject[]): string | undefined {
	const id = pageItems[pageItems.length - 1]?.id;
	return typeof id === 'string' || typeof id === 'number' ? String(id) : undefined;
}

/** What makes an item the same object on another page: its ID (`$id` for Do Not Contact entries). */
function identity(item: IDataObject): string {
	const id = item.id ?? item.$id;
	return typeof id === 'string' || typeof id === 'number' ? `id:${id}` : JSON.stringify(item);
}

/**
 * Get Many: Return All reads every page, otherwise pages are read until Limit items are in hand.
 * Each page costs a credit, so pages are as large as Kakiyo allows. Kakiyo documents little of its
 * paging, so the reading trusts nothing it does not see: an object already output is not output
 * again, and a page that brings nothing new ends the reading. A short page alone is no end (the
 * server may serve less than asked); an empty page, a reached `total`, or (cursor paging) no cursor
 * (named by Kakiyo, or the last ID while a `total` says there is more) or the same one again is.
 */
export async function readPages(
	paging: Paging,
	parameters: ItemParameters,
	calls: Calls,
	toItems: OutputMapper,
): Promise<IDataObject[]> {
	const returnAll = parameters.boolean('returnAll');
	const limit = returnAll ? Infinity : parameters.number('limit');

	if (paging.kind === 'single') {
		const items = toItems(await calls.call(), parameters);
		return returnAll ? items : items.slice(0, limit);
	}

	const items: IDataObject[] = [];
	const seen = new Set<string>();
	let offset = 0;
	let after: string | undefined;
	for (let page = 0; page < MAX_PAGES && items.length < limit; page++) {
		const qs: IDataObject = { limit: Math.min(paging.maxPageSize, limit - items.length) };
		if (paging.kind === 'offset') qs.offset = offset;
		else if (after !== undefined) qs.after = after;

		const answer = await calls.call({ qs });
		const pageItems = toItems(answer, parameters);
		const fresh = pageItems.filter((item) => {
			const key = identity(item);
			if (seen.has(key)) return false;
			seen.add(key);
			return true;
		});
		items.push(...fresh);
		if (fresh.length === 0) break;

		const total = reportedTotal(answer);
		if (paging.kind === 'offset') {
			offset += pageItems.length;
			if (total !== undefined && offset >= total) break;
		} else {
			if (total !== undefined && items.length >= total) break;
			// A cursor Kakiyo names is followed. Without one, a `total` still says there is more: then
			// `after` is the last ID of the page, the reading Kakiyo's own node assumes (see
			// docs/kakiyo-api.md#paging). The same cursor again would loop.
			const next = reportedCursor(answer) ?? (total !== undefined ? lastId(pageItems) : undefined);
			if (!next || next === after) break;
			after = next;
		}
	}
	return items.slice(0, limit);
}
