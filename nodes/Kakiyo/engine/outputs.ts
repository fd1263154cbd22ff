import type { IDataObject } from 'n8n-workflow';
import { toList } from '../../shared/listResponse';
import type { OutputMapper } from './operation';

/**
 * How Kakiyo's answers become output items. Kakiyo documents few answer shapes, so each mapper reads
 * leniently: anything that is not a plain object is kept under `data` rather than dropped.
 */

/** An answer as the JSON of one item; an empty body (a bare 204) is `{}`. */
export function toJsonObject(answer: unknown): IDataObject {
	if (answer === undefined || answer === null || answer === '') return {};
	if (typeof answer === 'object' && !Array.isArray(answer)) return answer as IDataObject;
	return { data: answer as IDataObject[] | string | number | boolean };
}

/** The default: one item holding the whole answer. */
export const oneItem: OutputMapper = (answer) => [toJsonObject(answer)];

/**
 * A list answer, one item per entry. `collection` names the array (`{agents: […]}`), also found under
 * `data`; an answer with no such array is an error rather than an empty result.
 */
export function listOf(collection: string): OutputMapper {
	return (answer, parameters) =>
		toList<unknown>(parameters.context.getNode(), answer, collection).map(toJsonObject);
}

/**
 * Do Not Contact answers come wrapped as `{error, data, message?}` (`error` is null on success): the
 * item is `data`, with Kakiyo's `message` kept when it says something.
 */
export const dncData: OutputMapper = (answer) => {
	const envelope = toJsonObject(answer);
	const data = envelope.data;
	if (!data || typeof data !== 'object' || Array.isArray(data)) return [envelope];
	const message = typeof envelope.message === 'string' ? { message: envelope.message } : {};
	return [{ ...(data as IDataObject), ...message }];
};
