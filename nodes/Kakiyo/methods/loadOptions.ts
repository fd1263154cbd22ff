import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import {
	KNOWN_EVENTS,
	mergeWithKnownEvents,
	parseEventList,
	toEventOptions,
} from './eventCatalogue';
import { kakiyoApiRequest } from './transport';

/**
 * The event picker of both nodes: Kakiyo's own list (`GET /webhooks/test/events`) merged with the
 * known catalogue, so events Kakiyo adds later appear without a release and the picker still works
 * when that call fails (no credential yet, network down, endpoint changed).
 */
export async function getEventOptions(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	try {
		// A picker should not hang on retries: one quick try, then the known list.
		const response = await kakiyoApiRequest.call(this, {
			method: 'GET',
			path: '/webhooks/test/events',
			maxRetries: 0,
		});
		return toEventOptions(mergeWithKnownEvents(parseEventList(response)));
	} catch (error) {
		this.logger.debug('Kakiyo event list unavailable, offering the known events', {
			error: (error as Error).message,
		});
		return toEventOptions(KNOWN_EVENTS);
	}
}
