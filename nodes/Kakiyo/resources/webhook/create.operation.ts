import { eventNames } from '../../../shared/eventCatalogue';
import { toWebhook } from '../../../shared/webhooksApi';
import type { ItemParameters } from '../../engine/itemParameters';
import type { Operation } from '../../engine/operation';
import { webhookEvents, webhookName, webhookSecret, webhookUrl } from './parameters';
import { publicWebhook, webhookIn } from './webhookOutput';

/** The events of a parameter (picker, array or comma-separated text); at least one. */
export function readEvents(parameters: ItemParameters, name: string): string[] {
	const events = eventNames(parameters.raw(name, []));
	if (events.length === 0) {
		throw parameters.error('No events chosen', 'Choose at least one event, or "All Events" (*).');
	}
	return events;
}

export const operation: Operation = {
	name: 'Create',
	value: 'create',
	action: 'Create a webhook',
	description: 'Register a URL that Kakiyo sends the chosen events to',
	effect: { undo: 'Delete' },
	properties: [
		{ ...webhookName, required: true },
		{ ...webhookUrl, required: true },
		{ ...webhookEvents, required: true },
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [webhookSecret],
		},
	],
	method: 'POST',
	path: '/webhooks',
	secrets: ['additionalFields.secret'],
	body: (parameters) => {
		const { secret } = parameters.fields('additionalFields');
		return {
			// Both required (docs/kakiyo-api.md#webhooks): an expression resolving to nothing fails here, not at Kakiyo.
			name: parameters.string('name'),
			url: parameters.string('url'),
			events: readEvents(parameters, 'events'),
			// A secret is sent exactly as typed: spaces may be part of it.
			...(secret ? { secret: String(parameters.raw('additionalFields.secret')) } : {}),
		};
	},
	// An answer without the new webhook's ID leaves nothing to manage it by: an error, not an item.
	output: (answer, parameters) => [
		publicWebhook(
			toWebhook(parameters.context, webhookIn(answer), 'creating a webhook'),
			Boolean(parameters.fields('additionalFields').secret),
		),
	],
};
