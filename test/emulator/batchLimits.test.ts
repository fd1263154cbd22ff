import { startEmulator } from './server';
import { useEmulator, withEmulator } from '../support/emulator';
import { clientsOf, ISO_TIME } from './testKit';

/**
 * Kakiyo's documented limits on its batch endpoints, as a client meets them: 1 to 100 prospect IDs
 * per bulk delete, and 10 Do Not Contact batch calls a minute, refused with 429 and when to retry.
 * Plus what benchmarks and clients' tests use: a latency for every call, and headers on a fault.
 */
const emulator = useEmulator({ rateLimitPerMinute: 60 });
const { api } = clientsOf(() => emulator);

const entries = (count: number, from = 0) =>
	Array.from({ length: count }, (_, i) => ({ url: `in/batch-limit-${from + i}` }));

it('POST /dnc/batch: the eleventh call in a minute is 429, saying when a slot frees up in Retry-After and resetTime', async () => {
	for (let call = 0; call < 10; call++) {
		const reply = await api('/dnc/batch', {
			method: 'POST',
			body: { entries: entries(100, call * 100) },
		});
		expect(reply.status).toBe(201);
	}
	const before = Date.now();

	const refused = await api('/dnc/batch', { method: 'POST', body: { entries: entries(1, 1000) } });

	expect(refused.status).toBe(429);
	const seconds = Number(refused.headers['retry-after']);
	expect(Number.isInteger(seconds) && seconds > 50 && seconds <= 60).toBe(true);
	expect(refused.json).toEqual({
		error: 'rate_limit_exceeded',
		message: expect.stringContaining(`Try again in ${seconds} seconds`),
		resetTime: expect.stringMatching(ISO_TIME),
	});
	const resetIn = Date.parse(refused.json.resetTime) - before;
	expect(Math.abs(resetIn - seconds * 1000)).toBeLessThan(1500);
	expect(emulator.credits()).toBe(10);
	expect(emulator.state().teams[0].dnc).toHaveLength(1000);
});

it('every other 429 carries Retry-After too, and no resetTime', async () => {
	for (let call = 0; call < 60; call++) expect((await api('/verify')).status).toBe(200);

	const refused = await api('/verify');

	expect(refused.status).toBe(429);
	expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
	expect(refused.json).not.toHaveProperty('resetTime');
});

it('DELETE /prospects takes 1 to 100 prospect IDs', async () => {
	const ids = (count: number) => Array.from({ length: count }, (_, i) => `no-such-${i}`);

	const hundred = await api('/prospects', { method: 'DELETE', body: { prospectIds: ids(100) } });
	const more = await api('/prospects', { method: 'DELETE', body: { prospectIds: ids(101) } });
	const none = await api('/prospects', { method: 'DELETE', body: { prospectIds: [] } });

	expect(hundred.status).toBe(200);
	expect(hundred.json.summary).toMatchObject({ requested: 100, failed: 100 });
	expect([more.status, more.json.message]).toEqual([
		400,
		'prospectIds must contain at most 100 items',
	]);
	expect(none.status).toBe(400);
});

it('a fault answers with the headers it names', async () => {
	emulator.injectFault({
		path: '/v1/dnc/batch',
		status: 429,
		headers: { 'Retry-After': '7' },
	});

	const reply = await api('/dnc/batch', { method: 'POST', body: { entries: entries(1) } });

	expect([reply.status, reply.headers['retry-after'], reply.json.error]).toEqual([
		429,
		'7',
		'rate_limit_exceeded',
	]);
	expect(() =>
		emulator.injectFault({ path: '/v1/verify', headers: { 'Retry-After': 7 } } as never),
	).toThrow(/fault headers/);
});

it('latencyMs answers every API call that much later', async () => {
	await withEmulator({ latencyMs: 120 }, async (slow) => {
		const { api: slowApi } = clientsOf(() => slow);
		const started = performance.now();
		const reply = await slowApi('/verify');
		expect(reply.status).toBe(200);
		expect(performance.now() - started).toBeGreaterThanOrEqual(115);
	});
	await expect(startEmulator({ latencyMs: -1 })).rejects.toThrow(/latencyMs/);
});
