import { useEmulator, withEmulator } from '../support/emulator';
import { startScriptedServer, type ScriptedServer } from '../support/scriptedServer';
import { isLoopback } from './controlGuard';
import { call } from './testKit';

let receiver: ScriptedServer;
const emulator = useEmulator({ retryDelaysMs: [1, 1, 1] });
const control = (path: string, body?: unknown, headers: Record<string, string> = {}) =>
	call(`${emulator.controlUrl}${path}`, {
		method: body === undefined ? 'GET' : 'POST',
		body,
		headers: { authorization: `Bearer ${emulator.controlToken}`, ...headers },
	});
const port = () => new URL(emulator.controlUrl).port;

beforeAll(async () => {
	receiver = await startScriptedServer();
});
afterAll(async () => {
	await receiver.close();
});

async function createHook(secret?: string) {
	const reply = await call(`${emulator.baseUrl}/webhooks`, {
		method: 'POST',
		key: emulator.apiKey,
		body: {
			name: 'Receiver',
			url: receiver.url('/hook'),
			events: ['linkedin.message.received'],
			secret,
		},
	});
	return reply.json;
}

it('health names the URLs, with no API key or control token needed', async () => {
	const reply = await call(`${emulator.controlUrl}/health`);
	expect(reply.json).toEqual({
		status: 'ok',
		baseUrl: emulator.baseUrl,
		controlUrl: emulator.controlUrl,
		webhooks: 0,
		pendingFaults: 0,
	});
});

describe('only the developer may use the control plane (issue 11, finding 10)', () => {
	it('health reveals no key, secret or token', async () => {
		await createHook('health-must-not-show-this');
		const reply = await call(`${emulator.controlUrl}/health`);
		expect(reply.status).toBe(200);
		for (const secret of [emulator.apiKey, 'health-must-not-show-this', emulator.controlToken]) {
			expect(reply.text).not.toContain(secret);
		}
	});

	it.each([
		['GET', '/webhooks'],
		['GET', '/deliveries'],
		['GET', '/requests'],
		['POST', '/emit'],
		['POST', '/faults'],
		['POST', '/reset'],
		['GET', '/state'],
		['GET', '/credits'],
		['DELETE', '/requests'],
		['POST', '/chats/any/reply'],
		['POST', '/chats/any/accept'],
		['POST', '/agents/any/status'],
		['POST', '/campaigns/any/status'],
		['GET', '/nothing'],
	])('%s %s without the token is refused with 401 and does nothing', async (method, path) => {
		await createHook();
		const attempts: Array<Record<string, string>> = [
			{},
			{ authorization: 'Bearer not-the-token' },
			{ 'x-emulator-token': 'not-the-token' },
		];
		for (const headers of attempts) {
			const reply = await call(`${emulator.controlUrl}${path}`, {
				method,
				headers,
				body: method === 'POST' ? { path: '/v1/verify', event: 'prospect.qualified' } : undefined,
			});
			expect([reply.status, reply.json?.error]).toEqual([401, 'unauthorized']);
		}
		expect(emulator.webhooks()).toHaveLength(1); // no reset
		expect((await call(`${emulator.controlUrl}/health`)).json.pendingFaults).toBe(0);
	});

	it('takes the token as a Bearer token or as X-Emulator-Token', async () => {
		const url = `${emulator.controlUrl}/requests`;
		const bearer = await call(url, {
			headers: { authorization: `Bearer ${emulator.controlToken}` },
		});
		const custom = await call(url, { headers: { 'x-emulator-token': emulator.controlToken } });
		expect([bearer.status, custom.status]).toEqual([200, 200]);
	});

	it('each emulator makes its own long random token', async () => {
		await withEmulator({}, async (other) => {
			expect(emulator.controlToken).toMatch(/^[A-Za-z0-9_-]{32,}$/);
			expect(other.controlToken).not.toBe(emulator.controlToken);
			const refused = await call(`${other.controlUrl}/requests`, {
				headers: { authorization: `Bearer ${emulator.controlToken}` },
			});
			expect(refused.status).toBe(401);
		});
	});

	it.each(['/health', '/webhooks', '/reset'])(
		'a request with an Origin header (a web page) is refused with 403, token or not: %s',
		async (path) => {
			await createHook('origin-must-not-see-this');
			for (const origin of ['http://evil.example.com', 'null', `http://127.0.0.1:${port()}`]) {
				const reply = await control(path, path === '/reset' ? {} : undefined, { origin });
				expect([reply.status, reply.json.error]).toEqual([403, 'forbidden']);
				expect(reply.text).not.toContain('origin-must-not-see-this');
			}
			expect(emulator.webhooks()).toHaveLength(1); // the reset did not happen
		},
	);

	it.each([
		'evil.example.com',
		'evil.example.com:PORT',
		'127.0.0.1.evil.example.com:PORT',
		'localhost.evil.example.com:PORT',
		'127.0.0.1:1',
		'localhost',
		'',
	])('a Host that is not loopback with this port (DNS rebinding) is refused: %s', async (host) => {
		await createHook('rebinding-must-not-see-this');
		for (const path of ['/health', '/webhooks']) {
			const reply = await control(path, undefined, { host: host.replace('PORT', port()) });
			expect([path, reply.status, reply.json.error]).toEqual([path, 403, 'forbidden']);
			expect(reply.text).not.toContain('rebinding-must-not-see-this');
			expect(reply.text).not.toContain(emulator.apiKey);
		}
	});

	it.each(['127.0.0.1:PORT', 'localhost:PORT', 'LocalHost:PORT', '[::1]:PORT'])(
		'a loopback Host with this port is served: %s',
		async (host) => {
			const reply = await control('/webhooks', undefined, { host: host.replace('PORT', port()) });
			expect(reply.status).toBe(200);
		},
	);
});

it('webhooks are listed with their secrets', async () => {
	const created = await createHook('top-secret');
	const reply = await control('/webhooks');
	expect(reply.json).toEqual({
		webhooks: [expect.objectContaining({ id: created.id, secret: 'top-secret', failureCount: 0 })],
		total: 1,
	});
	expect(emulator.webhooks()).toEqual(reply.json.webhooks);
});

it('emit answers after the deliveries, with their results', async () => {
	const created = await createHook('s');
	const reply = await control('/emit', { event: 'linkedin.message.received' });
	expect(reply.status).toBe(200);
	expect(reply.json).toEqual({
		event: 'linkedin.message.received',
		webhooks: 1,
		deliveries: [
			expect.objectContaining({ webhookId: created.id, delivered: true, attempts: 1, status: 200 }),
		],
	});
	const custom = { event: 'made.up', anything: [1, 2] };
	await control('/emit', { event: 'linkedin.message.received', payload: custom });
	expect(JSON.parse(receiver.calls.at(-1)!.raw.toString('utf8'))).toEqual(custom);
});

it('emit refuses an unknown event without a payload, and a payload that is not an object', async () => {
	expect((await control('/emit', { event: 'made.up' })).status).toBe(400);
	expect((await control('/emit', { event: 'message.sent', payload: 'text' })).status).toBe(400);
	expect((await control('/emit', {})).json.error).toBe('validation_error');
});

it('deliveries lists every attempt with its bytes and headers', async () => {
	await createHook('s');
	await emulator.emit('linkedin.message.received');
	const reply = await control('/deliveries');
	expect(reply.json.total).toBe(1);
	expect(reply.json.deliveries[0]).toEqual({
		deliveryId: expect.any(String),
		webhookId: expect.any(String),
		url: receiver.url('/hook'),
		event: 'linkedin.message.received',
		attempt: 1,
		startedAt: expect.any(String),
		durationMs: expect.any(Number),
		outcome: 'success',
		status: 200,
		body: expect.stringContaining('"event":"linkedin.message.received"'),
		headers: expect.objectContaining({
			'X-Kakiyo-Signature': expect.stringMatching(/^sha256=[0-9a-f]{64}$/),
		}),
	});
});

it('requests lists API calls only, not control calls', async () => {
	await call(`${emulator.baseUrl}/verify`, { key: emulator.apiKey });
	const reply = await control('/requests');
	expect(reply.json).toEqual({
		requests: [
			expect.objectContaining({ method: 'GET', path: '/v1/verify', status: 200, auth: 'ok' }),
		],
		total: 1,
	});
});

it('faults can be armed over HTTP', async () => {
	const reply = await control('/faults', { path: '/v1/verify', status: 502 });
	expect(reply.status).toBe(201);
	expect(reply.json).toMatchObject({
		fault: { path: '/v1/verify', status: 502 },
		pendingFaults: 1,
	});
	expect((await call(`${emulator.baseUrl}/verify`, { key: emulator.apiKey })).status).toBe(502);
	expect((await control('/faults', { status: 502 })).status).toBe(400);
});

it('reset forgets webhooks, logs and faults but keeps the key', async () => {
	await createHook();
	await control('/faults', { path: '/v1/verify', status: 502 });
	expect((await control('/reset', {})).json).toEqual({ message: 'Emulator reset' });
	expect((await control('/health')).json).toMatchObject({ webhooks: 0, pendingFaults: 0 });
	expect(emulator.requests()).toEqual([]);
	expect((await call(`${emulator.baseUrl}/verify`, { key: emulator.apiKey })).status).toBe(200);
});

it('an unknown control route is a JSON 404', async () => {
	const reply = await control('/nothing');
	expect([reply.status, reply.json.error]).toEqual([404, 'not_found']);
});

it.each([
	['127.0.0.1', true],
	['127.8.9.10', true],
	['::1', true],
	['::ffff:127.0.0.1', true],
	['10.0.0.5', false],
	['::ffff:192.168.1.20', false],
	['2001:db8::1', false],
	[undefined, false],
])('only loopback peers may use the control plane: %s -> %s', (address, allowed) => {
	expect(isLoopback(address)).toBe(allowed);
});
