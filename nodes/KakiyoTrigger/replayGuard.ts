/**
 * The optional replay guard: a delivery is fresh when its payload `timestamp` lies within
 * `maxAgeSeconds` of now, on either side. Allowing the same margin into the future absorbs clock
 * skew, while a timestamp further ahead would keep a captured delivery replayable for longer than
 * the window, so it is refused like a stale one. With the guard on, a missing or unreadable
 * timestamp is refused too: a guard that a missing field switches off would guard nothing.
 */
export type Freshness = 'fresh' | 'stale' | 'future' | 'missing';

// Numbers above this are epoch milliseconds; below, epoch seconds (1e10 s is the year 2286).
const MILLISECONDS_THRESHOLD = 1e10;

/** Milliseconds since the epoch for an ISO 8601 string or epoch seconds/milliseconds, if readable. */
export function timestampMs(value: unknown): number | undefined {
	if (typeof value === 'number' && Number.isFinite(value) && value > 0) {
		return value > MILLISECONDS_THRESHOLD ? value : value * 1000;
	}
	if (typeof value === 'string' && value.trim()) {
		const parsed = Date.parse(value);
		return Number.isNaN(parsed) ? undefined : parsed;
	}
	return undefined;
}

export function checkFreshness(
	timestamp: unknown,
	maxAgeSeconds: number,
	nowMs: number,
): Freshness {
	const sentAt = timestampMs(timestamp);
	if (sentAt === undefined) return 'missing';
	const windowMs = maxAgeSeconds * 1000;
	if (nowMs - sentAt > windowMs) return 'stale';
	if (sentAt - nowMs > windowMs) return 'future';
	return 'fresh';
}
