/**
 * The replay guard's clock check (on by default, see `DEFAULT_MAX_AGE_SECONDS`; `RecentDeliveries`
 * refuses repeats inside the window): a delivery is fresh when its payload `timestamp` lies within
 * `maxAgeSeconds` of now, on either side. Allowing the same margin into the future absorbs clock
 * skew, while a timestamp further ahead would keep a captured delivery replayable for longer than
 * the window, so it is refused like a stale one. With the guard on, a missing or unreadable
 * timestamp is refused too: a guard that a missing field switches off would guard nothing.
 *
 * Readable timestamps: epoch seconds or milliseconds, as a number or as text holding one (numbers
 * above 1e10 are milliseconds: 1e10 seconds is the year 2286), and ISO 8601 date-times, read as UTC
 * when they carry no zone. Nothing else: how `Date.parse` reads other texts depends on the engine and
 * on the server's time zone.
 */
export type Freshness = 'fresh' | 'stale' | 'future' | 'missing';

const MILLISECONDS_THRESHOLD = 1e10;

const EPOCH_TEXT = /^\d+(\.\d+)?$/;

// 2025-07-15, 2025-07-15T10:30, …T10:30:00, …T10:30:00.123456, then Z, +02:00, +0200, +02 or nothing.
const ISO_8601 =
	/^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)?$/;

function fromEpoch(value: number): number | undefined {
	if (!Number.isFinite(value) || value <= 0) return undefined;
	return value > MILLISECONDS_THRESHOLD ? value : value * 1000;
}

function fromIso(text: string): number | undefined {
	const match = ISO_8601.exec(text);
	if (!match) return undefined;
	const [year, month, day, hour, minute, second] = match
		.slice(1, 7)
		.map((part) => (part === undefined ? 0 : Number(part)));
	const fraction = match[7] ? Number(`0.${match[7]}`) * 1000 : 0;
	const offsetMinutes = match[9]
		? (match[9] === '-' ? -1 : 1) * (Number(match[10]) * 60 + Number(match[11] ?? 0))
		: 0;
	if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) {
		return undefined;
	}
	return (
		Date.UTC(year, month - 1, day, hour, minute, second) +
		Math.round(fraction) -
		offsetMinutes * 60_000
	);
}

/** Milliseconds since the epoch for a readable timestamp (see above), if it is one. */
export function timestampMs(value: unknown): number | undefined {
	if (typeof value === 'number') return fromEpoch(value);
	if (typeof value !== 'string') return undefined;
	const text = value.trim();
	return EPOCH_TEXT.test(text) ? fromEpoch(Number(text)) : fromIso(text);
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

/**
 * The replay guard's window when Max Event Age is not set: on by default, so that a delivery replayed
 * minutes later starts nothing. Five minutes is far beyond Kakiyo's retries (the last one starts
 * within about 40 s of the first attempt: 1 s, 2 s and 4 s apart, 10 s allowed each) and leaves room
 * for a server clock a little off. It applies to trigger versions 1 and 2 alike: no release has
 * shipped either with the guard off by default, so no user's saved workflow relies on that, and a
 * third version would keep an unguarded default alive for good.
 */
export const DEFAULT_MAX_AGE_SECONDS = 300;

/** A day: the largest window the guard takes. Kakiyo's retries need under a minute. */
export const MAX_MAX_AGE_SECONDS = 86_400;

/** The Max Event Age option: the window in seconds (0 when the guard is off), or invalid. */
export type MaxAge = { valid: true; seconds: number } | { valid: false };

/**
 * Reads Max Event Age as a number or as text holding one (an expression may give either). Not set
 * (or an expression giving nothing) means the default: a guard that a missing value switched off
 * would guard nothing. Only 0 turns it off; anything else outside 0 to a day is invalid.
 */
export function readMaxAge(value: unknown): MaxAge {
	if (value === undefined || value === null || value === '') {
		return { valid: true, seconds: DEFAULT_MAX_AGE_SECONDS };
	}
	const seconds =
		typeof value === 'number'
			? value
			: typeof value === 'string' && EPOCH_TEXT.test(value.trim())
				? Number(value.trim())
				: Number.NaN;
	if (!Number.isFinite(seconds) || seconds < 0 || seconds > MAX_MAX_AGE_SECONDS) {
		return { valid: false };
	}
	return { valid: true, seconds };
}
