import type { IDataObject } from 'n8n-workflow';
import type { ItemParameters } from './itemParameters';
import type { Calls, OutputMapper, Paging } from './operation';

/**
 * The most items Get Many outputs for one input item (Return All, or a Limit). Kakiyo's lists are far
 * shorter; a server that always has one more page would otherwise fill n8n's memory and execution
 * data (a million items, hundreds of megabytes, for one input item).
 */
export const MAX_GET_MANY_ITEMS = 20_000;

/** The most pages one reading asks for (a credit each): a server serving tiny pages ends here. */
const MAX_PAGES = 1000;

const count = (value: number) => value.toLocaleString('en-US');

/**
 * Past either bound the reading fails: an output silently cut short would pass for the whole list.
 * Plain errors: the engine gives them the item index.
 */
const tooManyItems = () =>
	new Error(
		`Get Many found more than ${count(MAX_GET_MANY_ITEMS)} items, the most it outputs for one input item; nothing was output. Turn off Return All and set Limit (at most ${count(MAX_GET_MANY_ITEMS)}) instead.`,
	);

const tooManyPages = () =>
	new Error(
		`Get Many read ${count(MAX_PAGES)} pages, the most it reads for one input item, and Kakiyo still had more; nothing was output. Set a lower Limit.`,
	);

const limitTooHigh = (limit: number) =>
	new Error(
		`Limit is ${count(limit)}, but Get Many outputs at most ${count(MAX_GET_MANY_ITEMS)} items for one input item. Set Limit to ${count(MAX_GET_MANY_ITEMS)} or less.`,
	);

/** The `total` Kakiyo reports beside a list (`{…, total}` or `{data: {…, total}}`), if any. */
export function reportedTotal(answer: unknown): number | undefined {
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

/**
 * The `after` of the page that follows a cursor-paged one: a cursor Kakiyo names, else, while a
 * `total` says there may be more, the last ID of the page (the reading Kakiyo's own node assumes).
 */
export function nextCursor(answer: unknown, pageItems: IDataObject[]): string | undefined {
	return (
		reportedCursor(answer) ?? (reportedTotal(answer) !== undefined ? lastId(pageItems) : undefined)
	);
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
	if (limit > MAX_GET_MANY_ITEMS && !returnAll) throw limitTooHigh(limit);
	// Only Return All can collect more than the bound: a Limit stops the reading first.
	const overBound = (collected: number) => returnAll && collected > MAX_GET_MANY_ITEMS;

	if (paging.kind === 'single') {
		const items = toItems(await calls.call(), parameters);
		if (overBound(items.length)) throw tooManyItems();
		return items.slice(0, limit);
	}

	const items: IDataObject[] = [];
	const seen = new Set<string>();
	let offset = 0;
	let after: string | undefined;
	for (let page = 1; items.length < limit; page++) {
		if (page > MAX_PAGES) throw tooManyPages();
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
		const total = reportedTotal(answer);
		// A total over the bound fails at once, before the pages it announces cost their credits.
		if (overBound(Math.max(items.length, total ?? 0))) throw tooManyItems();
		if (fresh.length === 0) break;

		if (paging.kind === 'offset') {
			offset += pageItems.length;
			if (total !== undefined && offset >= total) break;
		} else {
			if (total !== undefined && items.length >= total) break;
			// A cursor Kakiyo names is followed. Without one, a `total` still says there is more: then
			// `after` is the last ID of the page, the reading Kakiyo's own node assumes (see
			// docs/kakiyo-api.md#paging). The same cursor again would loop.
			const next = nextCursor(answer, pageItems);
			if (!next || next === after) break;
			after = next;
		}
	}
	return items.slice(0, limit);
}
