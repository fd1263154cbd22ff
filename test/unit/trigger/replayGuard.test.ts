/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions -- test-only: reads a time without a zone in a child process under another TZ */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { checkFreshness, readMaxAge, timestampMs } from '../../../nodes/KakiyoTrigger/replayGuard';

const now = Date.parse('2025-07-15T10:30:00.000Z');
const iso = (offsetSeconds: number) => new Date(now + offsetSeconds * 1000).toISOString();

describe('timestampMs', () => {
	it.each([
		['an ISO string', '2025-07-15T10:30:00.000Z', now],
		['an ISO string with an offset', '2025-07-15T12:30:00+02:00', now],
		['an ISO string with a compact offset', '2025-07-15T05:30:00-0500', now],
		['an ISO string without a zone, read as UTC', '2025-07-15T10:30:00.000', now],
		['an ISO string without seconds or zone', '2025-07-15T10:30', now],
		['an ISO string with a space and microseconds', '2025-07-15 10:30:00.000000Z', now],
		['an ISO date', '2025-07-15', Date.UTC(2025, 6, 15)],
		['epoch seconds', now / 1000, now],
		['epoch milliseconds', now, now],
		['epoch seconds as a string', String(now / 1000), now],
		['epoch milliseconds as a string', String(now), now],
		['epoch seconds with a fraction, as a string', ` ${now / 1000}.25 `, now + 250],
		['an unreadable string', 'yesterday', undefined],
		['a date in words', 'Tue, 15 Jul 2025 10:30:00', undefined],
		['month 13', '2025-13-15T10:30:00Z', undefined],
		['an empty string', ' ', undefined],
		['zero', 0, undefined],
		['"0"', '0', undefined],
		['a negative number', -5, undefined],
		['a negative string', '-1700000000', undefined],
		['NaN', Number.NaN, undefined],
		['null', null, undefined],
		['an object', { at: now }, undefined],
	])('%s', (_case, value, expected) => {
		expect(timestampMs(value)).toBe(expected);
	});

	it('reads a time without a zone as UTC whatever the server time zone', () => {
		// Jest gives each test file its own copy of process.env, so another zone needs another process.
		const script = [
			"const { timestampMs } = require('./nodes/KakiyoTrigger/replayGuard.ts');",
			"console.log(JSON.stringify([new Date(0).getTimezoneOffset(), timestampMs('2025-07-15T10:30:00')]));",
		].join('\n');
		const output = execFileSync(process.execPath, ['--require', 'tsx/cjs', '-e', script], {
			cwd: join(__dirname, '../../..'),
			env: { ...process.env, TZ: 'America/Los_Angeles' },
			encoding: 'utf8',
		});
		expect(JSON.parse(output)).toEqual([480, now]);
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
		['epoch seconds as a string, 10 s old', String(now / 1000 - 10), 'fresh'],
		['missing', undefined, 'missing'],
		['unreadable', 'soon', 'missing'],
	])('%s is %s', (_case, timestamp, expected) => {
		expect(checkFreshness(timestamp, 300, now)).toBe(expected);
	});
});

describe('readMaxAge', () => {
	it.each([
		['a number', 300, 300],
		['a fraction', 0.5, 0.5],
		['text holding a number (an expression)', ' 300 ', 300],
		['zero: off', 0, 0],
		['"0": off', '0', 0],
		['a day, the largest window', 86_400, 86_400],
		['unset: the default', undefined, 300],
		['empty (an expression giving nothing): the default', '', 300],
		['null: the default', null, 300],
	])('%s', (_case, value, expected) => {
		expect(readMaxAge(value)).toEqual({ valid: true, seconds: expected });
	});

	it.each([
		['text', 'five minutes'],
		['a negative number', -300],
		['a negative text', '-300'],
		['more than a day', 86_401],
		['NaN', Number.NaN],
		['infinity', Number.POSITIVE_INFINITY],
		['an object', { seconds: 300 }],
		['true', true],
	])('refuses %s rather than turn the guard off', (_case, value) => {
		expect(readMaxAge(value)).toEqual({ valid: false });
	});
});
