import type { Operation } from '../../engine/operation';
import { campaignLocator } from '../locators';

export const operation: Operation = {
	name: 'Get Stats',
	value: 'getStats',
	action: 'Get campaign statistics',
	description:
		"Kakiyo's statistics of one campaign as it returns them (undocumented shape); Analytics > Get Campaign Analytics has the documented metrics",
	properties: [campaignLocator],
	method: 'GET',
	path: '/campaigns/{campaignId}/stats',
};
