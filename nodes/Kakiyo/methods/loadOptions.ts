import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import {
	ALL_EVENTS,
	KNOWN_EVENTS,
	mergeWithKnownEvents,
	parseEventList,
	toEventOptions,
} from '../../shared/eventCatalogue';
import { toList } from '../../shared/listResponse';
import { kakiyoApiRequest } from '../../shared/transport';
import { listSearch } from './listSearch';

/*
 * Every option loader of both nodes (`methods.loadOptions`). A picker should not hang on retries:
 * each one tries its Kakiyo call once.
 */

/**
 * The event picker of both nodes: Kakiyo's own list (`GET /webhooks/test/events`) merged with the
 * known catalogue, so events Kakiyo adds later appear without a release and the picker still works
 * when that call fails (no credential yet, network down, endpoint changed).
 */
export async function getEventOptions(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	try {
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

/** A bound on the pages read (100 campaigns each), so a server that pages forever cannot hang the editor. */
const MAX_CAMPAIGN_PAGES = 100;

/** Every campaign as an option, for a parameter that takes several (round robin): all pages. */
export async function getCampaigns(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const options: INodePropertyOptions[] = [];
	let token: string | undefined;
	for (let page = 0; page < MAX_CAMPAIGN_PAGES; page++) {
		const { results, paginationToken } = await listSearch.searchCampaigns.call(this, '', token);
		options.push(...results.map(({ name, value }) => ({ name, value: String(value) })));
		if (!paginationToken) break;
		token = paginationToken;
	}
	return options;
}

/** The prompt's model picker: Kakiyo's active models (`GET /models`), by name, valued by ID. */
export async function getModels(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const answer = await kakiyoApiRequest.call(this, {
		method: 'GET',
		path: '/models',
		maxRetries: 0,
	});
	return toList<IDataObject>(this.getNode(), answer, 'models')
		.filter((model) => model && typeof model.id === 'string')
		.map((model) => {
			const pricing = model.pricing as IDataObject | undefined;
			return {
				name: typeof model.name === 'string' && model.name ? model.name : String(model.id),
				value: String(model.id),
				description: pricing
					? `$${String(pricing.input)} input / $${String(pricing.output)} output per million tokens`
					: undefined,
			};
		})
		.sort((a, b) => a.name.localeCompare(b.name));
}

export const loadOptions = { getCampaigns, getEventOptions, getModels, getSingleEventOptions };
