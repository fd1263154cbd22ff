import type { Resource } from '../../engine/operation';
import { operation as getAll } from './getAll.operation';
import { operation as getExample } from './getExample.operation';
import { operation as sendTest } from './sendTest.operation';

/** Kakiyo's test endpoints: the event catalogue, example payloads and test deliveries. */
export const webhookEvent: Resource = {
	displayName: 'Webhook Event',
	value: 'webhookEvent',
	defaultOperation: 'getAll',
	operations: [getAll, getExample, sendTest],
};
