import {
	createWebhook,
	deleteWebhook,
	getWebhook,
	listWebhooks,
	updateWebhook,
} from '../../shared/webhooksApi';
import { toJsonObject } from '../jsonObject';
import { publicWebhook } from '../publicWebhook';
import type { KakiyoResource } from '../resource';
import { readNewWebhook, readWebhookChanges, readWebhookId } from '../webhookInput';
import {
	webhookActive,
	webhookEvents,
	webhookLocator,
	webhookName,
	webhookSecret,
	webhookUrl,
} from './webhookFields';

const showForWebhook = { resource: ['webhook'] };
const showForCreate = { ...showForWebhook, operation: ['create'] };
const showForGetAll = { ...showForWebhook, operation: ['getAll'] };
const showForUpdate = { ...showForWebhook, operation: ['update'] };

/**
 * The team's webhooks in Kakiyo. The calls and the lenient reading of Kakiyo's answers are the shared
 * `webhooksApi` (also used by the trigger); this file maps parameters to them and hides secrets.
 */
export const webhook: KakiyoResource = {
	properties: [
		{
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: showForWebhook },
			options: [
				{
					name: 'Create',
					value: 'create',
					action: 'Create a webhook',
					description: 'Register a URL that Kakiyo sends the chosen events to',
				},
				{
					name: 'Delete',
					value: 'delete',
					action: 'Delete a webhook',
					description: 'Remove a webhook so Kakiyo stops sending to it',
				},
				{
					name: 'Get',
					value: 'get',
					action: 'Get a webhook',
					description:
						'Get one webhook by ID (its secret is never output, only whether one is set)',
				},
				{
					name: 'Get Many',
					value: 'getAll',
					action: 'Get many webhooks',
					description: 'List the webhooks of the Kakiyo team, one item per webhook',
				},
				{
					name: 'Update',
					value: 'update',
					action: 'Update a webhook',
					description: 'Change the name, URL, events, secret or active state of a webhook',
				},
			],
			default: 'getAll',
		},
		{
			...webhookLocator,
			displayOptions: { show: { ...showForWebhook, operation: ['get', 'update', 'delete'] } },
		},
		{ ...webhookName, required: true, displayOptions: { show: showForCreate } },
		{ ...webhookUrl, required: true, displayOptions: { show: showForCreate } },
		{ ...webhookEvents, required: true, displayOptions: { show: showForCreate } },
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			displayOptions: { show: showForCreate },
			options: [webhookSecret],
		},
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			displayOptions: { show: showForGetAll },
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			displayOptions: { show: { ...showForGetAll, returnAll: [false] } },
			description: 'Max number of results to return',
		},
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			displayOptions: { show: showForUpdate },
			options: [webhookActive, webhookEvents, webhookName, webhookSecret, webhookUrl],
		},
	],
	operations: {
		async create(itemIndex) {
			const fields = readNewWebhook.call(this, itemIndex);
			const created = await createWebhook.call(this, fields);
			return [publicWebhook(created, fields.secret !== undefined)];
		},

		async get(itemIndex) {
			return [publicWebhook(await getWebhook.call(this, readWebhookId.call(this, itemIndex)))];
		},

		async getAll(itemIndex) {
			const webhooks = (await listWebhooks.call(this)).map((hook) => publicWebhook(hook));
			if (this.getNodeParameter('returnAll', itemIndex, false)) return webhooks;
			// Kakiyo has no paging for webhooks: the limit trims the one list it returns.
			return webhooks.slice(0, this.getNodeParameter('limit', itemIndex, 50) as number);
		},

		async update(itemIndex) {
			const id = readWebhookId.call(this, itemIndex);
			const changes = readWebhookChanges.call(this, itemIndex);
			const updated = await updateWebhook.call(this, id, changes);
			return [publicWebhook(updated, changes.secret !== undefined)];
		},

		async delete(itemIndex) {
			const id = readWebhookId.call(this, itemIndex);
			const response = await deleteWebhook.call(this, id);
			return [{ ...toJsonObject(response), id, deleted: true }];
		},
	},
};
