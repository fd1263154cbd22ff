/**
 * The emulated `/v1` routes. Handlers are plain functions from a parsed call to an answer; the server
 * does authentication, rate limiting, faults and logging around them.
 */
import { randomBytes } from 'node:crypto';
import { EVENT_CATALOGUE, isKnownEvent, type EventId } from './events';
import { notFound, validationError, type Answer } from './http';
import { examplePayload } from './payloads';
import type { Route } from './routing';
import type { WebhookStore } from './store';
import type { EmulatedWebhook } from './types';
import { parseWebhookCreate, parseWebhookUpdate } from './validation';

export interface ApiDeps {
	store: WebhookStore;
	serverGeneratedSecrets: boolean;
	/** Starts test deliveries without waiting for them; returns how many webhooks get one. */
	sendTest(event: EventId): number;
}

/** What the API shows of a webhook: never the secret, only whether there is one. */
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

const ok = (body: unknown): Answer => ({ status: 200, body });

export function apiRoutes({ store, serverGeneratedSecrets, sendTest }: ApiDeps): Route[] {
	const requireEvent = (event: unknown): EventId => {
		if (event === undefined || event === null || event === '')
			throw validationError('event is required');
		if (!isKnownEvent(event)) {
			throw validationError(
				`Invalid event type: ${String(event)}. See GET /webhooks/test/events for the supported events.`,
			);
		}
		return event;
	};

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
				const count = sendTest(event);
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
			handle: () => {
				const webhooks = store.list().map(publicWebhook);
				return ok({ webhooks, total: webhooks.length });
			},
		},
		{
			method: 'POST',
			pattern: '/v1/webhooks',
			handle: (call) => {
				const input = parseWebhookCreate(call.json());
				const generated = !input.secret && serverGeneratedSecrets;
				if (generated) input.secret = randomBytes(32).toString('hex');
				const hook = store.create(input);
				const { id, name, url, events, active, createdAt } = hook;
				return {
					status: 201,
					body: {
						id,
						name,
						url,
						events,
						active,
						createdAt,
						// A server-made secret is shown once, here, like an API key.
						...(generated ? { secret: hook.secret } : {}),
						message: 'Webhook created successfully',
					},
				};
			},
		},
		{
			method: 'GET',
			pattern: '/v1/webhooks/:id',
			handle: ({ params }) => {
				const hook = store.get(params.id);
				if (!hook) throw notFound('Webhook not found');
				return ok(publicWebhook(hook));
			},
		},
		{
			method: 'PUT',
			pattern: '/v1/webhooks/:id',
			handle: (call) => {
				const updated = store.update(call.params.id, parseWebhookUpdate(call.json()));
				if (!updated) throw notFound('Webhook not found');
				return ok({ ...publicWebhook(updated), message: 'Webhook updated successfully' });
			},
		},
		{
			method: 'DELETE',
			pattern: '/v1/webhooks/:id',
			handle: ({ params }) => {
				if (!store.delete(params.id)) throw notFound('Webhook not found');
				return ok({ message: 'Webhook deleted successfully', id: params.id });
			},
		},
	];
}
