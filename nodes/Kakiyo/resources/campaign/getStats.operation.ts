import type { Operation } from '../../engine/operation';
import { campaignLocator } from '../locators';

export const operation: Operation = {
	name: 'Get Stats',
	value: 'getStats',
	action: 'Get campaign statistics',
	description:
		"Get one campaign's statistics as Kakiyo returns them; Kakiyo does not document their fields",
	effect: 'read',
	properties: [campaignLocator],
	method: 'GET',
	path: '/campaigns/{campaignId}/stats',
};
