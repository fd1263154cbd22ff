import { NodeOperationError, type INode } from 'n8n-workflow';

/**
 * Kakiyo documents no shape for its list answers: take a bare array, or the array under the
 * collection's own name (`{webhooks: […]}`), `data` (also `{data: {webhooks: […]}}`), `items` or
 * `results`. Undefined when none of these holds an array.
 */
export function findList(response: unknown, collection: string): unknown[] | undefined {
	if (Array.isArray(response)) return response;
	if (!response || typeof response !== 'object') return undefined;
	const container = response as Record<string, unknown>;
	for (const key of [collection, 'data', 'items', 'results']) {
		const value = container[key];
		if (Array.isArray(value)) return value;
		if (value && typeof value === 'object' && key === 'data') {
			const nested = (value as Record<string, unknown>)[collection];
			if (Array.isArray(nested)) return nested;
		}
	}
	return undefined;
}

/** `findList`, where a shape it cannot read is a contract change worth a clear error, not an empty result. */
export function toList<T = Record<string, unknown>>(
	node: INode,
	response: unknown,
	collection: string,
): T[] {
	const list = findList(response, collection);
	if (list) return list as T[];
	throw new NodeOperationError(
		node,
		`Kakiyo answered the ${collection} list in an unexpected shape`,
		{
			description: `Expected an array, or an object with a "${collection}" or "data" array. Kakiyo may have changed its API; please report this with the response you see in Kakiyo's docs.`,
		},
	);
}
