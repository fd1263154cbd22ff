import type { Operation } from '../../engine/operation';
import { webhookLocator } from '../locators';
import { publicWebhook, webhookIn } from './webhookOutput';

export const operation: Operation = {
	name: 'Get',
	value: 'get',
	action: 'Get a webhook',
	description: 'Get one webhook by ID (its secret is never output, only whether one is set)',
	effect: 'read',
	properties: [webhookLocator],
	method: 'GET',
	path: '/webhooks/{webhookId}',
	output: (answer, parameters) => [publicWebhook(webhookIn(answer, parameters.id('webhookId')))],
};
