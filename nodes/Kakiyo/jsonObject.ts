import type { IDataObject } from 'n8n-workflow';

/**
 * An answer as the JSON of one output item. Kakiyo documents few answer shapes, so anything that is
 * not a plain object is kept under `data` rather than dropped; an empty body (a bare 204) is `{}`.
 */
export function toJsonObject(response: unknown): IDataObject {
	if (response === undefined || response === null || response === '') return {};
	if (typeof response === 'object' && !Array.isArray(response)) return response as IDataObject;
	return { data: response as IDataObject[] | string | number | boolean };
}
