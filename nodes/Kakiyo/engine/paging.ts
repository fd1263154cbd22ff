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

/**
 * Get Many: Return All reads every page, otherwise pages are read until Limit items are in hand.
 * Each page costs a credit, so pages are as large as Kakiyo allows.
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
	let after: string | undefined;
	for (let page = 0; page < MAX_PAGES && items.length < limit; page++) {
		const size = Math.min(paging.maxPageSize, limit - items.length);
		const qs: IDataObject = { limit: size };
		if (paging.kind === 'offset') qs.offset = items.length;
		else if (after !== undefined) qs.after = after;

		const answer = await calls.call({ qs });
		const pageItems = toItems(answer, parameters);
		items.push(...pageItems);

		const total = reportedTotal(answer);
		const exhausted =
			pageItems.length === 0 ||
			(total !== undefined ? items.length >= total : pageItems.length < size);
		if (exhausted) break;
		if (paging.kind === 'cursor') {
			const next = reportedCursor(answer) ?? String(pageItems[pageItems.length - 1].id ?? '');
			// No cursor, or the same one again: Kakiyo is not paging, and asking again would loop.
			if (!next || next === after) break;
			after = next;
		}
	}
	return items.slice(0, limit);
}
