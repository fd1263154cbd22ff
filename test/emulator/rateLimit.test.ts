import { useEmulator } from '../support/emulator';
import { RateLimiter } from './rateLimit';
import { call, newApiKey } from './testKit';

describe('over HTTP', () => {
	const [mainKey, otherKey] = [1, 2].map(() => newApiKey());
	const emulator = useEmulator({ rateLimitPerMinute: 3, apiKeys: [mainKey, otherKey] });
	const get = (path: string, key = mainKey) => call(`${emulator.baseUrl}${path}`, { key });

	it('the limit is per endpoint and per key, and answers 429 rate_limit_exceeded', async () => {
		const seen = [];
		for (let i = 0; i < 4; i++) seen.push((await get('/verify')).status);
		expect(seen).toEqual([200, 200, 200, 429]);

		const refused = await get('/verify');
		expect(refused.json).toEqual({
			error: 'rate_limit_exceeded',
			message: expect.stringMatching(/3 requests per minute.*GET \/v1\/verify/),
		});
		// Another endpoint, and another key on the same endpoint, have their own allowance.
		expect((await get('/webhooks')).status).toBe(200);
		expect((await get('/verify', otherKey)).status).toBe(200);
	});

	it('ids share their route pattern: /webhooks/a and /webhooks/b are one endpoint', async () => {
		const seen = [];
		for (const id of ['a', 'b', 'c', 'd']) seen.push((await get(`/webhooks/${id}`)).status);
		expect(seen).toEqual([404, 404, 404, 429]);
	});
});

it('the window slides: a slot frees up one minute after the call that used it', () => {
	let now = 0;
	const limiter = new RateLimiter(2, () => now);
	expect(limiter.take('k', 'GET /v1/verify')).toEqual({ allowed: true });
	now = 30_000;
	expect(limiter.take('k', 'GET /v1/verify')).toEqual({ allowed: true });
	expect(limiter.take('k', 'GET /v1/verify')).toEqual({ allowed: false, retryAfterSeconds: 30 });
	now = 60_000;
	expect(limiter.take('k', 'GET /v1/verify')).toEqual({ allowed: true });
	expect(limiter.take('k', 'GET /v1/verify').allowed).toBe(false);
});

it('false turns the limit off', () => {
	const limiter = new RateLimiter(false);
	for (let i = 0; i < 1000; i++) expect(limiter.take('k', 'GET /v1/verify').allowed).toBe(true);
});
