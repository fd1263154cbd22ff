/** `/v1/verify` and the webhook API: register, list, change and remove webhooks; events and test sends. */
import { randomBytes } from 'node:crypto';
import type { ApiDeps, ApiRoute } from '../apiContext';
import { EVENT_CATALOGUE, isKnownEvent, type EventId } from '../events';
import { created, ok, validationError } from '../http';
import { examplePayload, freshPayload } from '../payloads';
import type { EmulatedWebhook } from '../types';
import { parseWebhookCreate, parseWebhookUpdate } from './validation';

/** What the API shows of a webhook (I): never the secret, only whether there is one. */
export function publicWebhook(hook: EmulatedWebhook) {
	return {
		id: hook.id,
		name: hook.name,
		url: hook.url,
		events: hook.events,
		active: hook.active,
		hasSecret: Boolean(hook.secret),
		failureCount: hook.failureCount,
		createdAt: hook.createdAt,
		updatedAt: hook.updatedAt,
	};
}

function requireEvent(event: unknown): EventId {
	if (event === undefined || event === null || event === '')
		throw validationError('event is required');
	if (!isKnownEvent(event)) {
		throw validationError(
			`Invalid event type: ${String(event)}. See GET /webhooks/test/events for the supported events.`,
		);
	}
	return event;
}

export function webhookRoutes({ world, serverGeneratedSecrets, fire }: ApiDeps): ApiRoute[] {
	return [
		{
			method: 'GET',
			pattern: '/v1/verify',
			handle: () => ok({ status: 'success', message: 'API key is valid' }),
		},
		{
			method: 'GET',
			pattern: '/v1/webhooks/test/events',
			handle: () => ok(EVENT_CATALOGUE),
		},
		{
			method: 'GET',
			pattern: '/v1/webhooks/test/example/:event',
			handle: ({ params }) => ok(examplePayload(requireEvent(params.event))),
		},
		{
			method: 'POST',
			pattern: '/v1/webhooks/test',
			handle: (call) => {
				const event = requireEvent(call.json().event);
				// The API answers at once; the deliveries carry on in the background.
				const count = fire(call.team, event, freshPayload(event));
				// (I) answer: Kakiyo documents only that a test payload goes to every active webhook.
				return ok({
					success: true,
					event,
					message: `Test event sent to ${count} webhook(s)`,
					webhooks: count,
				});
			},
		},
		{
			method: 'GET',
			pattern: '/v1/webhooks',
			handle: ({ team }) => {
				const webhooks = world.webhooks(team).list().map(publicWebhook);
				return ok({ webhooks, total: webhooks.length }); // (I) shape
			},
		},
		{
			method: 'POST',
			pattern: '/v1/webhooks',
			handle: (call) => {
				const input = parseWebhookCreate(call.json());
				const generated =
					serverGeneratedSecrets === 'always' || (!input.secret && serverGeneratedSecrets);
				if (generated) input.secret = randomBytes(32).toString('hex');
				const hook = world.webhooks(call.team).create(input);
				const { id, name, url, events, active, createdAt } = hook;
				return created({
					id,
					name,
					url,
					events,
					active,
					createdAt,
					// A server-made secret is shown once, here, like an API key.
					...(generated ? { secret: hook.secret } : {}),
					message: 'Webhook created successfully',
				});
			},
		},
		{
			method: 'GET',
			pattern: '/v1/webhooks/:id',
			// (I) shape, as are the update and delete answers below: those endpoints are undocumented.
			handle: ({ team, params }) => ok(publicWebhook(world.owned(team, 'webhook', params.id))),
		},
		{
			method: 'PUT',
			pattern: '/v1/webhooks/:id',
			handle: (call) => {
				const patch = parseWebhookUpdate(call.json());
				const { id } = world.owned(call.team, 'webhook', call.params.id);
				const updated = world.webhooks(call.team).update(id, patch)!;
				return ok({ ...publicWebhook(updated), message: 'Webhook updated successfully' });
			},
		},
		{
			method: 'DELETE',
			pattern: '/v1/webhooks/:id',
			handle: ({ team, params }) => {
				const { id } = world.owned(team, 'webhook', params.id);
				world.webhooks(team).delete(id);
				return ok({ message: 'Webhook deleted successfully', id });
			},
		},
	];
}
