import { useEmulator } from '../support/emulator';
import { call } from './testKit';

const emulator = useEmulator();
const api = (path: string, method = 'GET') =>
	call(`${emulator.baseUrl}${path}`, { method, key: emulator.apiKey });
const statuses = async (...paths: string[]) => {
	const seen = [];
	for (const path of paths) seen.push((await api(path)).status);
	return seen;
};

it('a status fault answers a Kakiyo-style error once, then the API is back', async () => {
	emulator.injectFault({ path: '/v1/verify', status: 503 });
	const reply = await api('/verify');
	expect(reply.status).toBe(503);
	expect(reply.json).toEqual({ error: 'internal_error', message: expect.stringContaining('503') });
	expect((await api('/verify')).status).toBe(200);
});

it('a fault can carry its own body, and count applies it to the next N calls', async () => {
	const body = { error: 'rate_limit_exceeded', message: 'Slow down' };
	emulator.injectFault({ path: '/v1/verify', status: 429, body, count: 2 });
	expect((await api('/verify')).json).toEqual(body);
	expect(await statuses('/verify', '/verify')).toEqual([429, 200]);
});

it('method, :id segments and * prefixes select the calls', async () => {
	emulator.injectFault({ method: 'delete', path: '/v1/webhooks/:id', status: 500, count: 5 });
	emulator.injectFault({ path: '/v1/webhooks/test/*', status: 502 });
	expect(
		await statuses('/webhooks/abc', '/webhooks', '/webhooks/test/events', '/webhooks/test/events'),
	).toEqual([404, 200, 502, 200]);
	expect((await api('/webhooks/abc', 'DELETE')).status).toBe(500);
	expect((await api('/webhooks/abc/more', 'DELETE')).status).toBe(404);
});

it('faults act before authentication, as an outage would', async () => {
	emulator.injectFault({ path: '/v1/*', status: 500 });
	expect((await call(`${emulator.baseUrl}/verify`)).status).toBe(500);
});

it('a delay alone slows the call, which then answers normally', async () => {
	emulator.injectFault({ path: '/v1/verify', delayMs: 150 });
	const started = performance.now();
	const reply = await api('/verify');
	expect(reply.status).toBe(200);
	expect(performance.now() - started).toBeGreaterThanOrEqual(140);
});

it('drop closes the connection without an answer', async () => {
	emulator.injectFault({ path: '/v1/verify', drop: true });
	await expect(api('/verify')).rejects.toThrow(/closed|socket|reset/i);
	expect((await api('/verify')).status).toBe(200);
});

it('malformed answers 200 with a body that claims to be JSON but is not', async () => {
	emulator.injectFault({ path: '/v1/webhooks', malformed: true });
	const reply = await api('/webhooks');
	expect(reply.status).toBe(200);
	expect(reply.contentType).toMatch(/^application\/json/);
	expect(() => JSON.parse(reply.text)).toThrow();
});

it('headers go on the answer: a Location makes a status a redirect', async () => {
	emulator.injectFault({
		path: '/v1/verify',
		status: 307,
		headers: { Location: 'http://127.0.0.1:9/elsewhere' },
	});
	const reply = await fetch(`${emulator.baseUrl}/verify`, { redirect: 'manual' });
	expect(reply.status).toBe(307);
	expect(reply.headers.get('location')).toBe('http://127.0.0.1:9/elsewhere');
	expect(emulator.requests()[0].fault).toBe('redirect 307');
});

it.each(['gzip', 'deflate', 'br', 'identity'] as const)(
	'oversized answers JSON of the given size once decompressed (%s)',
	async (encoding) => {
		emulator.injectFault({ path: '/v1/verify', oversized: { bytes: 300_000, encoding } });
		const reply = await fetch(`${emulator.baseUrl}/verify`);
		expect(reply.headers.get('content-encoding')).toBe(encoding === 'identity' ? null : encoding);
		const text = await reply.text();
		expect(text.length).toBe(300_000);
		expect(JSON.parse(text)).toEqual({ data: expect.stringMatching(/^a+$/) });
	},
);

it('the request log says which fault answered', async () => {
	emulator.injectFault({ path: '/v1/verify', status: 503 });
	emulator.injectFault({ path: '/v1/verify', drop: true });
	await api('/verify');
	await api('/verify').catch(() => undefined);
	expect(emulator.requests().map((entry) => [entry.status, entry.fault])).toEqual([
		[503, 'status 503'],
		[0, 'drop'],
	]);
});

it.each([
	['no path', { status: 500 }],
	['a relative path', { path: 'v1/verify' }],
	['a status that is not HTTP', { path: '/v1/verify', status: 42 }],
	['a zero count', { path: '/v1/verify', count: 0 }],
	['a negative delay', { path: '/v1/verify', delayMs: -1 }],
	['headers that are not text', { path: '/v1/verify', headers: { Location: 1 } }],
	['an oversized answer of no size', { path: '/v1/verify', oversized: { bytes: 0 } }],
	['an unknown encoding', { path: '/v1/verify', oversized: { bytes: 9, encoding: 'zip' } }],
])('refuses a fault with %s', (_case, fault) => {
	expect(() => emulator.injectFault(fault as never)).toThrow(/fault/);
});
