import type { INodeProperties } from 'n8n-workflow';

/**
 * The webhook fields that create sets and update changes, defined once (the webhook picker is in
 * ../locators.ts). Each operation adds its own `required` or place in a collection.
 */

export const webhookName: INodeProperties = {
	displayName: 'Name',
	name: 'name',
	type: 'string',
	default: '',
	placeholder: 'e.g. CRM sync',
	description: 'A label for the webhook, shown in Kakiyo',
};

export const webhookUrl: INodeProperties = {
	displayName: 'URL',
	name: 'url',
	type: 'string',
	default: '',
	placeholder: 'e.g. https://example.com/hooks/kakiyo',
	description: 'The HTTPS address Kakiyo sends each event to, as a JSON POST',
};

export const webhookEvents: INodeProperties = {
	displayName: 'Event Names or IDs',
	name: 'events',
	type: 'multiOptions',
	typeOptions: { loadOptionsMethod: 'getEventOptions' },
	default: [],
	description:
		'The events Kakiyo sends to the URL; "All Events" (*) includes events Kakiyo adds later. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

export const webhookSecret: INodeProperties = {
	displayName: 'Secret',
	name: 'secret',
	type: 'string',
	typeOptions: { password: true },
	default: '',
	description:
		'Kakiyo signs every delivery with an HMAC-SHA256 of this secret (X-Kakiyo-Signature header). This node never outputs a secret, only whether one is set.',
};

export const webhookActive: INodeProperties = {
	displayName: 'Active',
	name: 'active',
	type: 'boolean',
	default: true,
	description:
		'Whether Kakiyo delivers events to the webhook. Kakiyo turns a webhook off after 4 failed deliveries in a row; turning it on again resets the count.',
};
