import type { Operation } from '../../engine/operation';
import { listOf } from '../../engine/outputs';
import { publicWebhook } from './webhookOutput';

const webhooks = listOf('webhooks');

export const operation: Operation = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many webhooks',
	description: 'List the webhooks of the Kakiyo team, one item per webhook',
	effect: 'read',
	properties: [],
	method: 'GET',
	path: '/webhooks',
	// Kakiyo has no paging for webhooks: Limit trims the one list it returns.
	paging: { kind: 'single' },
	output: (answer, parameters) =>
		webhooks(answer, parameters).map((webhook) => publicWebhook(webhook)),
};
