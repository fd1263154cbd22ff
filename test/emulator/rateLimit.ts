/**
 * Kakiyo's documented limit: N requests a minute per endpoint (method + route pattern), here per API key.
 * A sliding one-minute window, so bursts at a minute boundary cannot double the allowance.
 */

const WINDOW_MS = 60_000;

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export class RateLimiter {
	private readonly hits = new Map<string, number[]>();

	constructor(
		private readonly perMinute: number | false,
		private readonly now: () => number = Date.now,
	) {}

	take(key: string, endpoint: string): RateDecision {
		if (this.perMinute === false) return { allowed: true };
		const bucket = `${key} ${endpoint}`;
		const now = this.now();
		const recent = (this.hits.get(bucket) ?? []).filter((at) => now - at < WINDOW_MS);
		if (recent.length >= this.perMinute) {
			this.hits.set(bucket, recent);
			return { allowed: false, retryAfterSeconds: Math.ceil((recent[0] + WINDOW_MS - now) / 1000) };
		}
		recent.push(now);
		this.hits.set(bucket, recent);
		return { allowed: true };
	}

	reset(): void {
		this.hits.clear();
	}
}
