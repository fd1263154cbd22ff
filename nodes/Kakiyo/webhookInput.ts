import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';
import { eventNames } from '../shared/eventCatalogue';
import type { WebhookFields } from '../shared/webhooksApi';

/** The webhook ID of an item, from the picker, the ID field or a plain string set by an expression. */
export function readWebhookId(this: IExecuteFunctions, itemIndex: number): string {
	const id = String(
		this.getNodeParameter('webhookId', itemIndex, '', { extractValue: true }) ?? '',
	).trim();
	if (!id) {
		throw new NodeOperationError(this.getNode(), 'No webhook chosen', {
			itemIndex,
			description: 'Pick a webhook from the list, or give its ID.',
		});
	}
	return id;
}

function noEvents(this: IExecuteFunctions, itemIndex: number): NodeOperationError {
	return new NodeOperationError(this.getNode(), 'No events chosen', {
		itemIndex,
		description: 'Choose at least one event, or "All Events" (*).',
	});
}

/** Name, URL and events of a new webhook, plus its secret when one is given. */
export function readNewWebhook(this: IExecuteFunctions, itemIndex: number): WebhookFields {
	const events = eventNames(this.getNodeParameter('events', itemIndex, []));
	if (events.length === 0) throw noEvents.call(this, itemIndex);
	const { secret } = this.getNodeParameter('additionalFields', itemIndex, {}) as WebhookFields;
	return {
		name: String(this.getNodeParameter('name', itemIndex, '')).trim(),
		url: String(this.getNodeParameter('url', itemIndex, '')).trim(),
		events,
		...(secret ? { secret } : {}),
	};
}

/**
 * The changes an update sends: only the fields the user added and filled in, so Kakiyo keeps the
 * rest. An update with nothing to change fails here instead of spending a credit.
 */
export function readWebhookChanges(this: IExecuteFunctions, itemIndex: number): WebhookFields {
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as WebhookFields;
	const changes: WebhookFields = {};
	for (const field of ['name', 'url', 'secret'] as const) {
		const value = typeof fields[field] === 'string' ? fields[field].trim() : '';
		if (value) changes[field] = field === 'secret' ? fields[field] : value;
	}
	if (fields.events !== undefined) {
		const events = eventNames(fields.events);
		if (events.length === 0) throw noEvents.call(this, itemIndex);
		changes.events = events;
	}
	if (typeof fields.active === 'boolean') changes.active = fields.active;
	if (Object.keys(changes).length === 0) {
		throw new NodeOperationError(this.getNode(), 'Nothing to update', {
			itemIndex,
			description:
				'Add at least one field under Update Fields (name, URL, events, secret or active).',
		});
	}
	return changes;
}
