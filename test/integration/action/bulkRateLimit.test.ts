import { useEmulator, withEmulator } from '../../support/emulator';
import { FAST_RETRY } from '../../support/fastRetry';
import { kakiyoAgainst } from './kakiyoRun';

/**
 * Kakiyo allows 10 Do Not Contact batch calls a minute. A batch refused with 429 waits as long as
 * Kakiyo says (Retry-After, or the resetTime in the answer) and goes again, as long as that fits in
 * the call's deadline; otherwise it fails at once, without waiting in vain, and only its items fail.
 */
const emulator = useEmulator();
const kakiyo = kakiyoAgainst(() => emulator);

const addToDnc = { resource: 'doNotContact', operation: 'createMany', url: '={{ $json.url }}' };
const items = (count: number) =>
	Array.from({ length: count }, (_, index) => ({ url: `in/person-${index}` }));
const batchCalls = () =>
	emulator
		.requests()
		.filter((request) => request.path === '/v1/dnc/batch')
		.map((request) => request.status);

it.each([
	['a Retry-After header', { headers: { 'Retry-After': '1' } }],
	[
		'the resetTime in the answer',
		() => ({
			body: {
				error: 'rate_limit_exceeded',
				message: 'Rate limit exceeded',
				resetTime: new Date(Date.now() + 1200).toISOString(),
			},
		}),
	],
])('waits as long as Kakiyo says in %s, then sends the batch again', async (_case, said) => {
	const fault = typeof said === 'function' ? said() : said;
	emulator.injectFault({ path: '/v1/dnc/batch', status: 429, ...fault });
	const started = Date.now();

	const output = await kakiyo.run(addToDnc, { items: items(150) });

	expect(Date.now() - started).toBeGreaterThanOrEqual(900);
	expect(batchCalls()).toEqual([429, 201, 201]);
	expect(output.map(({ json }) => json.status)).toEqual(Array(150).fill('added'));
});

it("fails a batch at once when Kakiyo's wait would pass the call's deadline, and only that batch's items", async () => {
	emulator.injectFault({
		path: '/v1/dnc/batch',
		status: 429,
		headers: { 'Retry-After': '600' },
		body: { error: 'rate_limit_exceeded', message: 'Try again in 600 seconds.' },
	});
	const started = Date.now();

	const output = await kakiyo.run(addToDnc, { items: items(150), continueOnFail: true });

	expect(Date.now() - started).toBeLessThan(FAST_RETRY.callDeadlineMs!);
	expect(batchCalls()).toEqual([429, 201]);
	expect(output[0].json).toEqual({
		error: "Kakiyo's rate limit was reached: Try again in 600 seconds.",
		description: expect.any(String),
		httpCode: '429',
	});
	expect(output.slice(0, 100).every(({ json }) => json.httpCode === '429')).toBe(true);
	expect(output.slice(100).map(({ json }) => json.status)).toEqual(Array(50).fill('added'));
});

it("meets the emulator's own limit of 10 batch calls a minute the same way", async () => {
	await withEmulator({ rateLimitPerMinute: 60 }, async (limited) => {
		const output = await kakiyoAgainst(() => limited).run(
			{ ...addToDnc, options: { batchSize: 1 } },
			{ items: items(11), continueOnFail: true },
		);

		expect(output.slice(0, 10).map(({ json }) => json.status)).toEqual(Array(10).fill('added'));
		expect(output[10].json).toMatchObject({
			error: expect.stringMatching(/^Kakiyo's rate limit was reached: .*10 requests per minute/),
			httpCode: '429',
		});
		expect(limited.requests().map(({ status }) => status)).toEqual([...Array(10).fill(201), 429]);
	});
});
