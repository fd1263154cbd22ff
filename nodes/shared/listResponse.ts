import { NodeOperationError, type INode } from 'n8n-workflow';

/**
 * Kakiyo documents no shape for its list answers: take a bare array, or the array under the
 * collection's own name (`{webhooks: […]}`), `data` or `items`. Anything else is a contract change
 * worth a clear error rather than an empty result.
 */
export function toList<T = Record<string, unknown>>(
	node: INode,
	response: unknown,
	collection: string,
): T[] {
	if (Array.isArray(response)) return response as T[];
	if (response && typeof response === 'object') {
		const container = response as Record<string, unknown>;
		for (const key of [collection, 'data', 'items', 'results']) {
			const value = container[key];
			if (Array.isArray(value)) return value as T[];
			if (value && typeof value === 'object' && key === 'data') {
				const nested = (value as Record<string, unknown>)[collection];
				if (Array.isArray(nested)) return nested as T[];
			}
		}
	}
	throw new NodeOperationError(
		node,
		`Kakiyo answered the ${collection} list in an unexpected shape`,
		{
			description: `Expected an array, or an object with a "${collection}" or "data" array. Kakiyo may have changed its API; please report this with the response you see in Kakiyo's docs.`,
		},
	);
}
