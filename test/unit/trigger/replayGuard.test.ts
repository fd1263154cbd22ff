import { checkFreshness, timestampMs } from '../../../nodes/KakiyoTrigger/replayGuard';

const now = Date.parse('2025-07-15T10:30:00.000Z');
const iso = (offsetSeconds: number) => new Date(now + offsetSeconds * 1000).toISOString();

describe('timestampMs', () => {
	it.each([
		['an ISO string', '2025-07-15T10:30:00.000Z', now],
		['an ISO string with an offset', '2025-07-15T12:30:00+02:00', now],
		['epoch seconds', now / 1000, now],
		['epoch milliseconds', now, now],
		['a numeric string', String(now), undefined],
		['an unreadable string', 'yesterday', undefined],
		['an empty string', ' ', undefined],
		['zero', 0, undefined],
		['a negative number', -5, undefined],
		['NaN', Number.NaN, undefined],
		['null', null, undefined],
		['an object', { at: now }, undefined],
	])('%s', (_case, value, expected) => {
		expect(timestampMs(value)).toBe(expected);
	});
});

describe('checkFreshness with a 300 s window', () => {
	it.each([
		['now', iso(0), 'fresh'],
		['299 s old', iso(-299), 'fresh'],
		['exactly 300 s old', iso(-300), 'fresh'],
		['301 s old', iso(-301), 'stale'],
		['a day old', iso(-86_400), 'stale'],
		['120 s ahead (clock skew)', iso(120), 'fresh'],
		['301 s ahead', iso(301), 'future'],
		['epoch seconds, 10 s old', now / 1000 - 10, 'fresh'],
		['missing', undefined, 'missing'],
		['unreadable', 'soon', 'missing'],
	])('%s is %s', (_case, timestamp, expected) => {
		expect(checkFreshness(timestamp, 300, now)).toBe(expected);
	});
});
