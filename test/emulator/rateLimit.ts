/**
 * Kakiyo's documented limit: N requests a minute per endpoint (method + route pattern), here per API key;
 * some endpoints document their own N (Do Not Contact).
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

	/** `ownLimit` is an endpoint's documented limit, used instead of the default when limiting is on. */
	take(key: string, endpoint: string, ownLimit?: number): RateDecision {
		if (this.perMinute === false) return { allowed: true };
		const limit = ownLimit ?? this.perMinute;
		const bucket = `${key} ${endpoint}`;
		const now = this.now();
		const recent = (this.hits.get(bucket) ?? []).filter((at) => now - at < WINDOW_MS);
		if (recent.length >= limit) {
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
