/** One page of a paged list, shaped by the `listPaging` option (the default honours the request). */
import type { ListPaging } from './types';

/** The page of `list` that starts at `start` and holds at most `limit` entries. */
export function pageOf<T>(
	list: readonly T[],
	start: number,
	limit: number,
	paging: Required<ListPaging>,
): T[] {
	const from = paging.ignorePosition ? 0 : start;
	return list.slice(from, from + Math.min(limit, paging.maxPageSize));
}

/** `{total}` beside a page, unless the option leaves it out. */
export function totalOf(total: number, paging: Required<ListPaging>): { total?: number } {
	return paging.omitTotal ? {} : { total };
}
