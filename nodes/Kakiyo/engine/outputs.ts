import type { IDataObject } from 'n8n-workflow';
import { toList } from '../../shared/listResponse';
import type { OutputMapper } from './operation';

/**
 * How Kakiyo's answers become output items. The runner has already refused a 2xx answer the operation
 * cannot use (`Operation.refuse`); within what it accepts, Kakiyo documents few shapes, so each mapper
 * reads leniently.
 */

/**
 * An answer, or a list entry, as the JSON of one item; an empty body (a bare 204) is `{}`, and a list
 * entry that is not an object (a bare ID, say) is kept under `data` rather than dropped.
 */
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
 * Do Not Contact answers come wrapped as `{error, data, message?}`, which their operations check
 * (`unlessDataObject`): the item is `data`, with Kakiyo's `message` kept when it says something.
 */
export const dncData: OutputMapper = (answer) => {
	const { data, message } = toJsonObject(answer);
	return [{ ...(data as IDataObject), ...(typeof message === 'string' ? { message } : {}) }];
};

/**
 * What every Delete outputs, whatever Kakiyo answered (its answers differ by resource and are mostly a
 * message): the ID of what is gone, in the shape n8n's own nodes use for a delete (HubSpot, Airtable).
 */
export function deletion(id: string): IDataObject {
	return { id, deleted: true };
}

/** The output of a Delete whose parameter `idParameter` holds the ID of what it deletes. */
export function deletedBy(idParameter: string): OutputMapper {
	return (_answer, parameters) => [deletion(parameters.id(idParameter))];
}
