/**
 * `/v1/dnc`: list, check, add, add many, delete. Every answer is wrapped as documented,
 * `{error, data, message?}`, with `error: null` on success (the docs print a placeholder there, I).
 * These routes carry Kakiyo's own per-minute limits.
 */
import type { ApiDeps, ApiRoute } from '../apiContext';
import { created, ok, validationError } from '../http';
import { elementObject, queryInteger, requireArray } from '../input';
import { pageOf, totalOf } from '../listPaging';
import { addEntries, addEntry, findEntry, requireProfileUrl } from './store';

const wrapped = (data: unknown, message?: string) => ({
	error: null,
	data,
	...(message === undefined ? {} : { message }),
});

export function dncRoutes({ world, listPaging }: ApiDeps): ApiRoute[] {
	return [
		{
			method: 'GET',
			pattern: '/v1/dnc/check',
			ratePerMinute: 60,
			handle: ({ team, query }) => {
				const entry = findEntry(team, requireProfileUrl(query.get('url') ?? undefined));
				return ok(wrapped(entry ? { onList: true, entry } : { onList: false }));
			},
		},
		{
			method: 'GET',
			pattern: '/v1/dnc',
			ratePerMinute: 60,
			handle: ({ team, query }) => {
				const limit = queryInteger(query, 'limit', 1, 1000, 50);
				const offset = queryInteger(query, 'offset', 0, Infinity, 0);
				const newestFirst = [...team.dnc].reverse();
				const entries = pageOf(newestFirst, offset, limit, listPaging);
				return ok(wrapped({ entries, ...totalOf(team.dnc.length, listPaging), limit, offset }));
			},
		},
		{
			method: 'POST',
			pattern: '/v1/dnc/batch',
			ratePerMinute: 10,
			handle: (call) => {
				const urls = requireArray(call.json(), 'entries', 1).map((element, index) => {
					const { url } = elementObject(element, `entries[${index}]`);
					if (typeof url !== 'string' || !url.trim()) {
						throw validationError(`entries[${index}].url is required`);
					}
					return url;
				});
				const details = addEntries(call.team, urls);
				const count = (status: string) => details.filter((d) => d.status === status).length;
				const [added, duplicates, errors] = [count('added'), count('duplicate'), count('error')];
				return created(
					wrapped(
						{ added, duplicates, errors, details },
						`Bulk import completed: ${added} added, ${duplicates} duplicates, ${errors} errors`,
					),
				);
			},
		},
		{
			method: 'POST',
			pattern: '/v1/dnc',
			ratePerMinute: 30,
			handle: (call) => {
				const url = requireProfileUrl(call.json().url);
				return created(wrapped(addEntry(call.team, url), 'Added to Do Not Contact list'));
			},
		},
		{
			method: 'DELETE',
			pattern: '/v1/dnc/:id',
			ratePerMinute: 30,
			handle: ({ team, params }) => {
				const entry = world.owned(team, 'dncEntry', params.id);
				team.dnc.splice(team.dnc.indexOf(entry), 1);
				return ok(wrapped({ message: 'DNC entry deleted successfully' }));
			},
		},
	];
}
