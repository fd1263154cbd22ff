import type { Operation } from '../../engine/operation';
import { eventParameter } from './parameters';

export const operation: Operation = {
	name: 'Send Test',
	value: 'sendTest',
	action: 'Send a test webhook event',
	description:
		'Make Kakiyo send a sample of one event to every active webhook subscribed to it (each delivery costs credits)',
	effect: 'permanent',
	properties: [eventParameter],
	method: 'POST',
	path: '/webhooks/test',
	body: (parameters) => ({ event: parameters.id('event') }),
	// Kakiyo documents no answer to this call: an empty success is a test sent, too.
};
