import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import { ALL_EVENTS } from '../../shared/eventCatalogue';
import { getEventOptions } from '../../shared/eventOptions';

/**
 * The event picker of operations that act on one concrete event (example payload, test delivery):
 * the shared picker without `*`, which is a subscription wildcard, not an event Kakiyo can show or send.
 */
export async function getSingleEventOptions(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const options = await getEventOptions.call(this);
	return options.filter((option) => option.value !== ALL_EVENTS);
}
