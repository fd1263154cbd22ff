/**
 * The optional replay guard: a delivery is fresh when its payload `timestamp` lies within
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

/** The Max Event Age option: seconds when the guard is on, undefined when it is off. */
export type MaxAge = { valid: true; seconds?: number } | { valid: false };

/**
 * Reads Max Event Age as a number or as text holding one (an expression may give either). 0 or
 * nothing turns the guard off; anything else is invalid, never a silent "off".
 */
export function readMaxAge(value: unknown): MaxAge {
	if (value === undefined || value === null || value === '') return { valid: true };
	const seconds =
		typeof value === 'number'
			? value
			: typeof value === 'string' && EPOCH_TEXT.test(value.trim())
				? Number(value.trim())
				: Number.NaN;
	if (!Number.isFinite(seconds) || seconds < 0) return { valid: false };
	return { valid: true, seconds: seconds === 0 ? undefined : seconds };
}
