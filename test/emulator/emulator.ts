/**
 * The emulator's state and behaviour without any HTTP: webhooks, deliveries, faults, rate limits and the
 * request log. The server (server.ts) and the control plane (control.ts) are thin layers over this.
 */
import { apiRoutes } from './api';
import { Deliverer } from './delivery';
import { isKnownEvent } from './events';
import { FaultQueue } from './faults';
import { validationError } from './http';
import { resolveOptions, type ResolvedOptions } from './options';
import { freshPayload } from './payloads';
import { RateLimiter } from './rateLimit';
import type { Route } from './routing';
import { WebhookStore } from './store';
import type { EmitResult, EmulatorOptions, RecordedRequest } from './types';

export class Emulator {
	readonly store: WebhookStore;

	readonly settings: ResolvedOptions;

	readonly faults = new FaultQueue();

	readonly limiter: RateLimiter;

	readonly deliverer: Deliverer;

	readonly routes: Route[];

	private recorded: RecordedRequest[] = [];

	constructor(options: EmulatorOptions) {
		this.store = new WebhookStore(options.statePath);
		this.settings = resolveOptions(options, this.store);
		this.limiter = new RateLimiter(this.settings.rateLimitPerMinute);
		this.deliverer = new Deliverer(this.store, this.settings.delivery, this.settings.log);
		this.routes = apiRoutes({
			store: this.store,
			serverGeneratedSecrets: this.settings.serverGeneratedSecrets,
			// The API answers at once; the deliveries carry on in the background (idle() waits for them).
			sendTest: (event) => this.deliverer.start(event, freshPayload(event)).webhooks,
		});
	}

	/**
	 * Delivers an event to its subscribers and waits for every retry chain. A given payload is sent as-is;
	 * without one, the event's example is sent with the current time, so only known events need no payload.
	 */
	async emit(event: string, payload?: object): Promise<EmitResult> {
		if (typeof event !== 'string' || !event) throw validationError('event is required');
		let body: object;
		if (payload !== undefined) body = payload;
		else if (isKnownEvent(event)) body = freshPayload(event);
		else
			throw validationError(
				`Unknown event ${event}: pass a payload to emit an event without an example`,
			);
		const { webhooks, done } = this.deliverer.start(event, body);
		return { event, webhooks, deliveries: await done };
	}

	record(entry: RecordedRequest): void {
		this.recorded.push(entry);
	}

	requests(): RecordedRequest[] {
		return this.recorded.map((entry) => ({ ...entry }));
	}

	reset(): void {
		this.deliverer.reset();
		this.store.clear();
		this.faults.reset();
		this.limiter.reset();
		this.recorded = [];
	}
}
