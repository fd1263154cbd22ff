import type { Operation } from '../../engine/operation';
import { deletedBy } from '../../engine/outputs';
import { webhookLocator } from '../locators';

export const operation: Operation = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a webhook',
	description: 'Remove a webhook so Kakiyo stops sending to it',
	effect: 'permanent',
	properties: [webhookLocator],
	method: 'DELETE',
	path: '/webhooks/{webhookId}',
	// Kakiyo documents no answer to a webhook delete: a bare 204 is a delete done.
	output: deletedBy('webhookId'),
};
