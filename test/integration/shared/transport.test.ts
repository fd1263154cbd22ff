import { NodeApiError, sleep, type IDataObject, type IHttpRequestMethods } from 'n8n-workflow';
import { randomBytes } from 'node:crypto';
import { apiPath, joinUrl, kakiyoApiRequest } from '../../../nodes/shared/transport';
import type { RetryPolicy } from '../../../nodes/shared/transport/retryPolicy';
import { TestWorkflow } from '../../support/n8nRuntime';
import { ProbeNode, probeCall, probeFailure, type ProbeCall } from '../../support/probeNode';
import { scriptedServerForThisFile } from '../../support/scriptedServer';

const apiKey = randomBytes(20).toString('hex');
const server = scriptedServerForThisFile();

const policy: RetryPolicy = { maxRetries: 3, baseDelayMs: 20, maxDelayMs: 200, timeoutMs: 2000 };

interface CallOptions {
	baseUrl?: string;
	body?: IDataObject;
	retry?: Partial<RetryPolicy>;
	/** The key as saved in the credential; the file's key by default. */
	apiKey?: string;
	/** The execution's cancel signal. */
	cancel?: AbortSignal;
}

const probe = (method: IHttpRequestMethods, path: string, options: CallOptions): ProbeCall => ({
	...options,
	method,
	path,
	baseUrl: options.baseUrl ?? server.baseUrl,
	apiKey: options.apiKey ?? apiKey,
	retry: { ...policy, ...options.retry },
});

const call = async (method: IHttpRequestMethods, path: string, options: CallOptions = {}) =>
	await probeCall(probe(method, path, options));

const failure = async (method: IHttpRequestMethods, path: string, options: CallOptions = {}) =>
	await probeFailure(probe(method, path, options));

describe('joinUrl', () => {
	it.each([
		['https://api.kakiyo.com/v1', '/verify', 'https://api.kakiyo.com/v1/verify'],
		['https://api.kakiyo.com/v1/', '/verify', 'https://api.kakiyo.com/v1/verify'],
		['https://api.kakiyo.com/v1//', 'webhooks', 'https://api.kakiyo.com/v1/webhooks'],
		[
			' https://proxy.example/kakiyo/v1/ ',
			'/webhooks/a',
			'https://proxy.example/kakiyo/v1/webhooks/a',
		],
		['', '/verify', 'https://api.kakiyo.com/v1/verify'],
		['   ', '/verify', 'https://api.kakiyo.com/v1/verify'],
		[undefined, '/verify', 'https://api.kakiyo.com/v1/verify'],
	])('joins %p and %p', (base, path, expected) => {
		expect(joinUrl(base, path)).toBe(expected);
	});

	it('encodes each path segment', () => {
		expect(apiPath('webhooks', 'a/b c')).toBe('/webhooks/a%2Fb%20c');
		expect(apiPath('webhooks', 'test', 'example', 'linkedin.message.sent')).toBe(
			'/webhooks/test/example/linkedin.message.sent',
		);
	});
});

describe('kakiyoApiRequest through n8n-core', () => {
	it('sends the Bearer key from the credential and returns the JSON body', async () => {
		server.answer({ status: 200, body: { status: 'success', message: 'API key is valid' } });
		await expect(call('GET', '/verify')).resolves.toEqual({
			status: 'success',
			message: 'API key is valid',
		});
		expect(server.calls).toHaveLength(1);
		expect(server.calls[0].headers.authorization).toBe(`Bearer ${apiKey}`);
		expect(server.calls[0].url).toBe('/v1/verify');
	});

	it('does not double the slash when the base URL ends with one', async () => {
		server.answer({ status: 200, body: [] });
		await call('GET', '/webhooks', { baseUrl: `${server.baseUrl}/` });
		expect(server.calls[0].url).toBe('/v1/webhooks');
	});

	it('sends a JSON body and accepts 201', async () => {
		server.answer({ status: 201, body: { id: 'abc', active: true } });
		await expect(
			call('POST', '/webhooks', { body: { name: 'n', events: ['*'] } }),
		).resolves.toEqual({
			id: 'abc',
			active: true,
		});
		expect(server.calls[0].method).toBe('POST');
		expect(server.calls[0].headers['content-type']).toContain('application/json');
		expect(JSON.parse(server.calls[0].body)).toEqual({ name: 'n', events: ['*'] });
	});
});

describe('Kakiyo errors become NodeApiErrors that say what to do', () => {
	it.each([
		[
			401,
			'invalid_api_key',
			'Invalid API key',
			/rejected the API key: Invalid API key/,
			/Check the API key/,
		],
		[401, 'missing_api_key', 'API key required', /rejected the API key/, /40-character team key/],
		[
			401,
			'invalid_api_key_format',
			'Bad format',
			/rejected the API key: Bad format/,
			/Check the API key/,
		],
		[403, 'subscription_inactive', 'Subscription inactive', /subscription is inactive/, /Renew/],
		[403, 'forbidden', 'No access', /may not do that: No access/, /team that owns/],
		[
			400,
			'validation_error',
			'url is required',
			/refused the request: url is required/,
			/Check the values/,
		],
		[
			404,
			'not_found',
			'Webhook not found',
			/could not find webhook "wh_1": Webhook not found/,
			/Check the ID/,
		],
	])('%i %s', async (status, code, message, expectedMessage, expectedDescription) => {
		server.answer({ status, body: { error: code, message } });
		const error = await failure('GET', '/webhooks/wh_1');
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toMatch(expectedMessage);
		expect(error.description).toMatch(expectedDescription);
		expect(error.httpCode).toBe(String(status));
		expect(server.calls).toHaveLength(1);
	});

	it('keeps an excerpt of a non-JSON error page', async () => {
		server.answer({ status: 418, body: '<html><body>I am a   teapot</body></html>' });
		const error = await failure('GET', '/verify');
		expect(error.message).toBe('Kakiyo answered 418: <html><body>I am a teapot</body></html>');
	});

	it('names a missing endpoint when the path has no id', async () => {
		server.answer({ status: 404, body: { error: 'not_found', message: 'Not found' } });
		const error = await failure('GET', '/webhooks');
		expect(error.message).toMatch(/could not find the webhooks endpoint/);
		expect(error.description).toMatch(/Base URL/);
	});
});

describe('retries', () => {
	it('retries 429 with growing backoff, then succeeds', async () => {
		const limited = {
			status: 429,
			body: { error: 'rate_limit_exceeded', message: 'Too many requests' },
		};
		server.answer(limited, limited, { status: 200, body: { ok: true } });
		await expect(call('GET', '/verify')).resolves.toEqual({ ok: true });
		expect(server.calls).toHaveLength(3);
		const [first, second, third] = server.calls.map((c) => c.at);
		expect(second - first).toBeGreaterThanOrEqual(20);
		expect(third - second).toBeGreaterThanOrEqual(40);
	});

	it('retries a POST on 429 because Kakiyo did nothing', async () => {
		server.answer(
			{ status: 429, body: { error: 'rate_limit_exceeded' } },
			{ status: 201, body: { id: 'x' } },
		);
		await expect(call('POST', '/webhooks', { body: { name: 'n' } })).resolves.toEqual({ id: 'x' });
		expect(server.calls).toHaveLength(2);
	});

	it('gives up after the bounded number of attempts with a clear message', async () => {
		server.answer({
			status: 503,
			body: { error: 'internal_error', message: 'Service unavailable' },
		});
		const error = await failure('GET', '/webhooks');
		expect(server.calls).toHaveLength(policy.maxRetries + 1);
		expect(error.message).toBe(
			'Kakiyo had a server error (503): Service unavailable (gave up after 4 attempts)',
		);
		expect(error.description).toMatch(/Kakiyo's side/);
	});

	it('reports an exhausted rate limit with what to do', async () => {
		server.answer({
			status: 429,
			body: { error: 'rate_limit_exceeded', message: 'Too many requests' },
		});
		const error = await failure('GET', '/webhooks');
		expect(error.message).toMatch(
			/rate limit was reached: Too many requests \(gave up after 4 attempts\)/,
		);
		expect(error.description).toMatch(/60 requests a minute/);
	});

	it('retries a 500 on GET but not on POST, which may have been processed', async () => {
		const broken = { status: 500, body: { error: 'internal_error', message: 'Boom' } };
		server.answer(broken, { status: 200, body: [] });
		await expect(call('GET', '/webhooks')).resolves.toEqual([]);
		expect(server.calls).toHaveLength(2);

		server.answer(broken, { status: 201, body: { id: 'x' } });
		const error = await failure('POST', '/webhooks');
		expect(error.message).toBe('Kakiyo had a server error (500): Boom');
		expect(server.calls).toHaveLength(1);
	});

	it.each([502, 503, 504])(
		'does not repeat a POST on %i: a gateway error may come after Kakiyo processed it',
		async (status) => {
			server.answer(
				{ status, body: { error: 'internal_error', message: 'Gateway' } },
				{ status: 201, body: { id: 'x' } },
			);
			const error = await failure('POST', '/webhooks/test', { body: { event: 'message.sent' } });
			expect(error.message).toBe(`Kakiyo had a server error (${status}): Gateway`);
			expect(server.calls).toHaveLength(1);
		},
	);

	it('retries a timed-out GET, then explains the timeout', async () => {
		server.answer({ status: 200, body: {}, delayMs: 600 });
		const error = await failure('GET', '/verify', { retry: { timeoutMs: 150 } });
		expect(server.calls).toHaveLength(4);
		expect(error.message).toBe('Kakiyo did not answer in time (gave up after 4 attempts)');
	});

	it('gives each attempt a total deadline: a byte every 300 ms does not hold a call', async () => {
		server.answer({ dripEveryMs: 300 });
		const started = Date.now();
		const error = await failure('GET', '/verify', { retry: { timeoutMs: 1000, maxRetries: 1 } });
		expect(Date.now() - started).toBeLessThan(4000);
		expect(server.calls).toHaveLength(2);
		expect(error.message).toBe('Kakiyo did not answer in time (gave up after 2 attempts)');
	}, 10_000);

	it('keeps the deadline outside an execution too (activation, option lists)', async () => {
		server.answer({ dripEveryMs: 300 });
		const workflow = new TestWorkflow({
			nodeType: new ProbeNode(),
			parameters: {},
			credentials: { apiKey, url: server.baseUrl },
		});
		const started = Date.now();
		const error = (await kakiyoApiRequest
			.call(workflow.loadOptionsContext(), {
				method: 'GET',
				path: '/verify',
				maxRetries: 0,
				retry: { ...policy, timeoutMs: 1000 },
			})
			.catch((caught: unknown) => caught)) as NodeApiError;
		expect(Date.now() - started).toBeLessThan(3000);
		expect(error.message).toBe('Kakiyo did not answer in time');
	}, 10_000);

	it('still stops when n8n cancels the execution, before the deadline', async () => {
		server.answer({ dripEveryMs: 100 });
		const cancel = new AbortController();
		const started = Date.now();
		const pending = failure('GET', '/verify', {
			cancel: cancel.signal,
			retry: { timeoutMs: 5000 },
		});
		void sleep(300).then(() => cancel.abort());
		await pending;
		expect(Date.now() - started).toBeLessThan(2500);
		expect(server.calls).toHaveLength(1);
	}, 10_000);

	it('retries a dropped connection on GET', async () => {
		server.answer({ drop: true }, { status: 200, body: { ok: 1 } });
		await expect(call('GET', '/verify')).resolves.toEqual({ ok: 1 });
		expect(server.calls).toHaveLength(2);
	});

	it('retries a refused connection even for POST, since nothing was sent', async () => {
		const error = await failure('POST', '/webhooks', { baseUrl: 'http://127.0.0.1:9/v1' });
		expect(error.message).toBe(
			'Could not reach Kakiyo (connection refused) (gave up after 4 attempts)',
		);
		expect(error.description).toMatch(/Base URL/);
	});
});

describe('the API key never leaks', () => {
	function expectNoKey(error: NodeApiError) {
		const everything = [
			error.message,
			error.description ?? '',
			error.stack ?? '',
			JSON.stringify(error),
			JSON.stringify(error.errorResponse ?? {}),
			JSON.stringify(error.context ?? {}),
		].join('\n');
		expect(everything).not.toContain(apiKey);
	}

	it('redacts a key that Kakiyo echoes in its message', async () => {
		server.answer({
			status: 401,
			body: { error: 'invalid_api_key', message: `Unknown key ${apiKey}` },
		});
		const error = await failure('GET', '/verify');
		expect(error.message).toBe('Kakiyo rejected the API key: Unknown key [redacted]');
		expectNoKey(error);
	});

	it('keeps it out of network errors, whose underlying error carries the request and its headers', async () => {
		expectNoKey(await failure('GET', '/verify', { baseUrl: 'http://127.0.0.1:9/v1' }));
	});

	it('keeps it out of server errors after retries, when the error page echoes it', async () => {
		server.answer({ status: 502, body: `Bad gateway: upstream refused the key ${apiKey}` });
		const error = await failure('GET', '/verify');
		expect(error.message).toMatch(/gave up after 4 attempts/);
		expect(error.message).toContain('upstream refused the key [redacted]');
		expectNoKey(error);
	});

	/** Every 8-character piece of the key: a part of it is as bad as all of it. */
	function expectNoPartOfKey(error: NodeApiError) {
		const everything = [error.message, error.description ?? '', JSON.stringify(error)].join('\n');
		for (let start = 0; start + 8 <= apiKey.length; start++) {
			expect(everything).not.toContain(apiKey.slice(start, start + 8));
		}
	}

	it.each([150, 170, 185, 199])(
		'redacts a key that an error page echoes across the excerpt cut (at %i)',
		async (offset) => {
			const page = `<html><body><p>${'x'.repeat(offset - 15)}${apiKey} was refused</p></body></html>`;
			server.answer({ status: 403, body: page });
			const error = await failure('GET', '/verify');
			expect(error.message).toMatch(/^Kakiyo refused access \(403\): <html><body><p>x+/);
			expectNoPartOfKey(error);
		},
	);

	it('redacts the trimmed key when the credential holds it with a trailing space', async () => {
		server.answer({
			status: 401,
			body: { error: 'invalid_api_key', message: `Unknown key ${apiKey}` },
		});
		const error = await failure('GET', '/verify', { apiKey: `${apiKey} ` });
		expect(error.message).toBe('Kakiyo rejected the API key: Unknown key [redacted]');
		expectNoKey(error);
	});

	it('caps a huge message from Kakiyo and keeps the key out of it', async () => {
		const huge = `${'Very long explanation. '.repeat(100_000)}${apiKey}`;
		expect(huge.length).toBeGreaterThan(2_000_000);
		server.answer({ status: 400, body: { error: 'validation_error', message: huge } });
		const error = await failure('GET', '/verify');
		expect(error.message).toMatch(/^Kakiyo refused the request: Very long explanation\./);
		expect(error.message.length).toBeLessThanOrEqual(1000);
		expect((error.description ?? '').length).toBeLessThanOrEqual(1000);
		expect(JSON.stringify(error).length).toBeLessThan(10_000);
		expectNoKey(error);
	});

	it('caps a huge error code too', async () => {
		server.answer({ status: 400, body: { error: 'e'.repeat(100_000), message: 'No' } });
		const error = await failure('GET', '/verify');
		expect(JSON.stringify(error).length).toBeLessThan(10_000);
		expect((error.description ?? '').length).toBeLessThanOrEqual(1000);
	});
});
