/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test-only emulator: retries wait with node:timers */
/**
 * Webhook deliveries as Kakiyo documents them: POST the JSON body, signed when the webhook has a secret;
 * any 2xx is a success; otherwise retry after each of `retryDelaysMs`; a delivery whose attempts all fail
 * counts once towards auto-disabling the webhook. Every attempt is logged.
 */
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Agent } from 'undici';
import { SIGNATURE_HEADER, signatureValue } from './signature';
import type { WebhookStore } from './webhooks/store';
import type {
	AttemptOutcome,
	DeliveryAttempt,
	DeliveryResult,
	EmulatedWebhook,
	SignatureFormat,
} from './types';

export interface DeliverySettings {
	signatureFormat: SignatureFormat;
	retryDelaysMs: number[];
	attemptTimeoutMs: number;
	disableAfterFailures: number;
}

/** Where an event goes: one team's webhooks. */
export interface DeliveryTarget {
	/** Who gets the event, and where failed deliveries are counted. */
	webhooks: WebhookStore;
	/** Called once per successful delivery (Kakiyo charges 2 credits for each). */
	onDelivered(): void;
}

export interface StartedDeliveries {
	webhooks: number;
	/** Settles when every retry chain has finished. */
	done: Promise<DeliveryResult[]>;
}

interface AttemptAnswer {
	outcome: AttemptOutcome;
	status?: number;
	error?: string;
}

export class Deliverer {
	private attempts: DeliveryAttempt[] = [];

	private readonly inFlight = new Set<Promise<unknown>>();

	/** Aborted by reset() and close(): chains then stop quietly and change nothing. */
	private cancel = new AbortController();

	// Our own connection pool, so close() can be sure no socket outlives the emulator.
	private agent: Promise<Agent> | undefined;

	constructor(
		private readonly settings: DeliverySettings,
		private readonly log: (line: string) => void,
	) {}

	/** One delivery per active subscribed webhook. The body is serialised once: every hook gets the same bytes. */
	start(target: DeliveryTarget, event: string, payload: object): StartedDeliveries {
		const body = JSON.stringify(payload);
		const hooks = target.webhooks.subscribers(event);
		const chains = hooks.map((hook) => this.track(this.deliver(target, hook, event, body)));
		return { webhooks: hooks.length, done: Promise.all(chains) };
	}

	history(): DeliveryAttempt[] {
		return this.attempts.map((attempt) => structuredClone(attempt));
	}

	async idle(): Promise<void> {
		while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
	}

	reset(): void {
		this.cancel.abort();
		this.cancel = new AbortController();
		this.attempts = [];
	}

	async close(): Promise<void> {
		this.cancel.abort();
		await this.idle();
		await (await this.agent)?.destroy();
	}

	/** undici takes about 0.3 s to load: loading it on the first delivery keeps the CLI's start fast. */
	private pool(): Promise<Agent> {
		this.agent ??= import('undici').then(
			({ Agent }) => new Agent({ keepAliveTimeout: 1000, keepAliveMaxTimeout: 1000 }),
		);
		return this.agent;
	}

	private track<T>(chain: Promise<T>): Promise<T> {
		this.inFlight.add(chain);
		const forget = () => this.inFlight.delete(chain);
		chain.then(forget, forget);
		return chain;
	}

	private async deliver(
		target: DeliveryTarget,
		hook: EmulatedWebhook,
		event: string,
		body: string,
	): Promise<DeliveryResult> {
		const cancelled = this.cancel.signal;
		const deliveryId = randomBytes(8).toString('hex');
		const headers = this.headersFor(hook, body);
		// The first attempt goes at once, each retry after its delay.
		const waits = [0, ...this.settings.retryDelaysMs];
		const tries = waits.length;
		let answer: AttemptAnswer = { outcome: 'network_error', error: 'cancelled' };
		let attempt = 0;
		for (const wait of waits) {
			if (wait > 0) await pause(wait, cancelled);
			if (cancelled.aborted) break;
			attempt += 1;
			const startedAt = new Date();
			answer = await this.send(hook.url, headers, body, cancelled);
			if (cancelled.aborted) break;
			const record: DeliveryAttempt = {
				deliveryId,
				webhookId: hook.id,
				url: hook.url,
				event,
				attempt,
				startedAt: startedAt.toISOString(),
				durationMs: Date.now() - startedAt.getTime(),
				...answer,
				body,
				headers,
			};
			this.attempts.push(record);
			this.log(describeAttempt(record, tries));
			if (answer.outcome === 'success') break;
		}
		const delivered = answer.outcome === 'success';
		if (delivered && !cancelled.aborted) target.onDelivered();
		const after = cancelled.aborted
			? target.webhooks.get(hook.id)
			: target.webhooks.recordDelivery(hook.id, delivered, this.settings.disableAfterFailures);
		if (hook.active && after && !after.active) {
			this.log(
				`webhook ${hook.id} disabled after ${after.failureCount} failed deliveries in a row`,
			);
		}
		return {
			deliveryId,
			webhookId: hook.id,
			url: hook.url,
			delivered,
			attempts: attempt,
			status: answer.status,
			error: answer.error,
			webhookActive: after?.active ?? false,
			failureCount: after?.failureCount ?? 0,
		};
	}

	private headersFor(hook: EmulatedWebhook, body: string): Record<string, string> {
		const headers: Record<string, string> = {
			'Content-Type': 'application/json',
			'User-Agent': 'Kakiyo-Webhooks/1.0',
		};
		if (hook.secret) {
			headers[SIGNATURE_HEADER] = signatureValue(hook.secret, body, this.settings.signatureFormat);
		}
		return headers;
	}

	private async send(
		url: string,
		headers: Record<string, string>,
		body: string,
		cancelled: AbortSignal,
	): Promise<AttemptAnswer> {
		const timeout = AbortSignal.timeout(this.settings.attemptTimeoutMs);
		try {
			const { origin, pathname, search } = new URL(url);
			const response = await (
				await this.pool()
			).request({
				origin,
				path: pathname + search,
				method: 'POST',
				headers,
				body,
				signal: AbortSignal.any([timeout, cancelled]),
			});
			// The receiver's answer body is not used, but must be read to free the connection.
			await response.body.dump();
			const ok = response.statusCode >= 200 && response.statusCode < 300;
			return { outcome: ok ? 'success' : 'http_error', status: response.statusCode };
		} catch (error) {
			if (timeout.aborted) {
				return {
					outcome: 'timeout',
					error: `no answer within ${this.settings.attemptTimeoutMs} ms`,
				};
			}
			const { code, message } = error as { code?: string; message: string };
			return { outcome: 'network_error', error: code ?? message };
		}
	}
}

/** A retry delay that ends early when reset() or close() cancels the deliveries. */
function pause(ms: number, cancelled: AbortSignal): Promise<unknown> {
	return sleep(ms, undefined, { signal: cancelled }).catch(() => undefined);
}

function describeAttempt(record: DeliveryAttempt, tries: number): string {
	const answer = record.status ?? record.error;
	return (
		`deliver ${record.event} -> ${record.url} (webhook ${record.webhookId}) ` +
		`attempt ${record.attempt}/${tries}: ${answer} ${record.outcome} ${record.durationMs}ms`
	);
}
