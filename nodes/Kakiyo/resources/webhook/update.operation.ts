import type { IDataObject } from 'n8n-workflow';
import type { ItemParameters } from '../../engine/itemParameters';
import type { Operation } from '../../engine/operation';
import { webhookLocator } from '../locators';
import { readEvents } from './create.operation';
import { webhookActive, webhookEvents, webhookName, webhookSecret, webhookUrl } from './parameters';
import { publicWebhook, webhookIn } from './webhookOutput';

/**
 * The changes an update sends: only the fields the user added and filled in, so Kakiyo keeps the
 * rest. An update with nothing to change fails here instead of spending a credit.
 */
function readChanges(parameters: ItemParameters): IDataObject {
	const { name, url, secret, active } = parameters.fields('updateFields');
	// Events added but left empty is a mistake to point out, not a field to skip.
	const { events } = parameters.raw('updateFields', {}) as IDataObject;
	const changes: IDataObject = {};
	if (name) changes.name = name;
	if (url) changes.url = url;
	// Sent exactly as typed: spaces may be part of a secret.
	if (secret) changes.secret = String(parameters.raw('updateFields.secret'));
	if (events !== undefined) changes.events = readEvents(parameters, 'updateFields.events');
	if (typeof active === 'boolean') changes.active = active;
	return parameters.changes(changes, 'name, URL, events, secret or active');
}

export const operation: Operation = {
	name: 'Update',
	value: 'update',
	action: 'Update a webhook',
	description: 'Change the name, URL, events, secret or active state of a webhook',
	effect: { undo: 'an Update with the previous values' },
	properties: [
		webhookLocator,
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [webhookActive, webhookEvents, webhookName, webhookSecret, webhookUrl],
		},
	],
	method: 'PUT',
	path: '/webhooks/{webhookId}',
	secrets: ['updateFields.secret'],
	body: readChanges,
	output: (answer, parameters) => [
		publicWebhook(
			webhookIn(answer, parameters.id('webhookId')),
			Boolean(parameters.fields('updateFields').secret),
		),
	],
};
