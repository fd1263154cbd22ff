import type { Operation } from '../../engine/operation';
import { eventParameter } from './parameters';

export const operation: Operation = {
	name: 'Get Example',
	value: 'getExample',
	action: 'Get an example payload of a webhook event',
	description: 'Get the sample body Kakiyo delivers to webhooks for one event',
	effect: 'read',
	properties: [eventParameter],
	method: 'GET',
	path: '/webhooks/test/example/{event}',
};
