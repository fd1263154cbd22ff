import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import { toList } from '../../shared/listResponse';
import { apiPath, kakiyoApiRequest } from '../../shared/transport';
import { toJsonObject } from '../jsonObject';
import type { KakiyoResource } from '../resource';

const showForWebhookEvent = { resource: ['webhookEvent'] };

function readEvent(this: IExecuteFunctions, itemIndex: number): string {
	const event = String(this.getNodeParameter('event', itemIndex, '') ?? '').trim();
	if (!event) {
		throw new NodeOperationError(this.getNode(), 'No event chosen', {
			itemIndex,
			description:
				'Choose an event from the list, or give its ID (for example linkedin.message.received).',
		});
	}
	return event;
}

/** Kakiyo lists events as objects; a bare name is accepted too, as `{id}`. */
function toEventJson(entry: unknown): IDataObject {
	return entry && typeof entry === 'object' ? (entry as IDataObject) : { id: String(entry) };
}

/** Kakiyo's test endpoints: the event catalogue, example payloads and test deliveries. */
export const webhookEvent: KakiyoResource = {
	properties: [
		{
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: showForWebhookEvent },
			options: [
				{
					name: 'Get Example',
					value: 'getExample',
					action: 'Get an example payload of a webhook event',
					description: 'Get the sample body Kakiyo delivers to webhooks for one event',
				},
				{
					name: 'Get Many',
					value: 'getAll',
					action: 'Get many webhook events',
					description: 'List the events Kakiyo can deliver to webhooks, one item per event',
				},
				{
					name: 'Send Test',
					value: 'sendTest',
					action: 'Send a test webhook event',
					description:
						'Make Kakiyo send a sample of one event to every active webhook subscribed to it (each delivery costs credits)',
				},
			],
			default: 'getAll',
		},
		{
			displayName: 'Event Name or ID',
			name: 'event',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getSingleEventOptions' },
			required: true,
			default: '',
			displayOptions: { show: { ...showForWebhookEvent, operation: ['getExample', 'sendTest'] } },
			description:
				'The Kakiyo event, for example linkedin.message.received. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
	],
	operations: {
		async getAll() {
			const response = await kakiyoApiRequest.call(this, {
				method: 'GET',
				path: '/webhooks/test/events',
			});
			return toList<unknown>(this.getNode(), response, 'events').map(toEventJson);
		},

		async getExample(itemIndex) {
			const event = readEvent.call(this, itemIndex);
			const response = await kakiyoApiRequest.call(this, {
				method: 'GET',
				path: apiPath('webhooks', 'test', 'example', event),
				resource: `an example for the event "${event}"`,
			});
			return [toJsonObject(response)];
		},

		async sendTest(itemIndex) {
			const event = readEvent.call(this, itemIndex);
			const response = await kakiyoApiRequest.call(this, {
				method: 'POST',
				path: '/webhooks/test',
				body: { event },
			});
			return [toJsonObject(response)];
		},
	},
};
