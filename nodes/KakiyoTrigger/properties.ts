import type { INodeProperties } from 'n8n-workflow';
import { DEFAULT_MAX_AGE_SECONDS, MAX_MAX_AGE_SECONDS } from './replayGuard';

export const triggerProperties: INodeProperties[] = [
	{
		displayName:
			'Kakiyo charges credits for every delivery it sends to this trigger (2 per successful delivery), and 1 per API call when the workflow is activated. Choose only the events you need.',
		name: 'creditsNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Event Names or IDs',
		name: 'events',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getEventOptions' },
		required: true,
		default: [],
		description:
			'The Kakiyo events that start this workflow. "All Events" also covers events Kakiyo adds later. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Include Headers',
				name: 'includeHeaders',
				type: 'boolean',
				default: false,
				description:
					'Whether to add the request headers to the output, under "headers", or "requestHeaders" if the payload has its own "headers" field (then "requestHeaders_2", and so on). The X-Kakiyo-Signature header is never included.',
			},
			{
				displayName: 'Max Event Age (Seconds)',
				name: 'maxAgeSeconds',
				type: 'number',
				typeOptions: { minValue: 0, maxValue: MAX_MAX_AGE_SECONDS },
				default: DEFAULT_MAX_AGE_SECONDS,
				description: `Replay guard, on by default (${DEFAULT_MAX_AGE_SECONDS} s): ignore deliveries whose "timestamp" is more than this many seconds old, as far in the future, or missing, and any delivery received before within that time. They are answered with 200 so Kakiyo stops retrying, but start no workflow. The editor's test URL is not guarded. 0 turns the guard off.`,
			},
			{
				displayName: 'Webhook Name',
				name: 'webhookName',
				type: 'string',
				default: '',
				placeholder: 'e.g. Sales replies to CRM',
				description:
					'The name of the webhook in the Kakiyo dashboard. By default it names the workflow, the node and whether it is the test or production URL.',
			},
		],
	},
];
