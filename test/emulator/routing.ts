/**
 * Route tables for the API and the control plane, and the path patterns that the router, the rate limiter
 * and injected faults share: `/v1/webhooks/:id` matches one segment per `:name`; a pattern ending in `*`
 * matches any path with that prefix.
 */
import { notFound, parseJsonObject, type Answer } from './http';

export type PathParams = Record<string, string>;

export interface RouteCall {
	params: PathParams;
	query: URLSearchParams;
	/** The body as a JSON object; throws a 400 `validation_error` when it is not one. */
	json(): Record<string, unknown>;
}

export interface Route<Call extends RouteCall = RouteCall> {
	method: string;
	pattern: string;
	/** This route's own per-minute limit when rate limiting is on (Kakiyo documents some for DNC). */
	ratePerMinute?: number;
	handle(call: Call): Answer | Promise<Answer>;
}

export interface RouteMatch<R> {
	route: R;
	params: PathParams;
}

/** The first route (in table order, so specific routes go first) that takes this method and path. */
export function findRoute<R extends { method: string; pattern: string }>(
	routes: R[],
	method: string,
	path: string,
): RouteMatch<R> | undefined {
	for (const route of routes) {
		if (route.method !== method) continue;
		const params = matchPath(route.pattern, path);
		if (params) return { route, params };
	}
	return undefined;
}

/** Runs the matching route, or answers 404 `not_found`. */
export function dispatch<Call extends RouteCall>(
	routes: Route<Call>[],
	method: string,
	path: string,
	call: Omit<Call, 'params'>,
): Answer | Promise<Answer> {
	const match = findRoute(routes, method, path);
	if (!match) throw notFound(`No route for ${method} ${path}`);
	return match.route.handle({ ...call, params: match.params } as Call);
}

/** What a handler needs from the request, beyond its path parameters. */
export function callOf(url: string | undefined, body: string): Omit<RouteCall, 'params'> {
	return {
		query: new URL(url ?? '/', 'http://127.0.0.1').searchParams,
		json: () => parseJsonObject(body),
	};
}

export function matchPath(pattern: string, path: string): PathParams | undefined {
	if (pattern.endsWith('*')) return path.startsWith(pattern.slice(0, -1)) ? {} : undefined;
	const want = pattern.split('/');
	const got = path.split('/');
	if (want.length !== got.length) return undefined;
	const params: PathParams = {};
	for (const [index, segment] of want.entries()) {
		const actual = got[index];
		if (segment.startsWith(':')) {
			if (!actual) return undefined;
			params[segment.slice(1)] = decodeSegment(actual);
		} else if (segment !== actual) {
			return undefined;
		}
	}
	return params;
}

function decodeSegment(segment: string): string {
	try {
		return decodeURIComponent(segment);
	} catch {
		return segment; // a stray '%': keep the raw text, the lookup will simply not find it
	}
}
