import { isLoopback } from './control';
import { startEmulator, type RunningEmulator } from './index';
import { call, startReceiver, type Receiver } from './testKit';

let emulator: RunningEmulator;
let receiver: Receiver;
const control = (path: string, body?: unknown) =>
	call(`${emulator.controlUrl}${path}`, { method: body === undefined ? 'GET' : 'POST', body });

beforeAll(async () => {
	receiver = await startReceiver();
	emulator = await startEmulator({ retryDelaysMs: [1, 1, 1] });
});
afterAll(async () => {
	await emulator.close();
	await receiver.close();
});
beforeEach(() => emulator.reset());

async function createHook(secret?: string) {
	const reply = await call(`${emulator.baseUrl}/webhooks`, {
		method: 'POST',
		key: emulator.apiKey,
		body: { name: 'Receiver', url: receiver.url, events: ['linkedin.message.received'], secret },
	});
	return reply.json;
}

test('health names the URLs and a ready key, with no API key needed', async () => {
	const reply = await control('/health');
	expect(reply.json).toEqual({
		status: 'ok',
		baseUrl: emulator.baseUrl,
		controlUrl: emulator.controlUrl,
		apiKey: emulator.apiKey,
		webhooks: 0,
		pendingFaults: 0,
	});
});

test('webhooks are listed with their secrets', async () => {
	const created = await createHook('top-secret');
	const reply = await control('/webhooks');
	expect(reply.json).toEqual({
		webhooks: [expect.objectContaining({ id: created.id, secret: 'top-secret', failureCount: 0 })],
		total: 1,
	});
	expect(emulator.webhooks()).toEqual(reply.json.webhooks);
});

test('emit answers after the deliveries, with their results', async () => {
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
	expect(JSON.parse(receiver.received.at(-1)!.raw.toString('utf8'))).toEqual(custom);
});

test('emit refuses an unknown event without a payload, and a payload that is not an object', async () => {
	expect((await control('/emit', { event: 'made.up' })).status).toBe(400);
	expect((await control('/emit', { event: 'message.sent', payload: 'text' })).status).toBe(400);
	expect((await control('/emit', {})).json.error).toBe('validation_error');
});

test('deliveries lists every attempt with its bytes and headers', async () => {
	await createHook('s');
	await emulator.emit('linkedin.message.received');
	const reply = await control('/deliveries');
	expect(reply.json.total).toBe(1);
	expect(reply.json.deliveries[0]).toEqual({
		deliveryId: expect.any(String),
		webhookId: expect.any(String),
		url: receiver.url,
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

test('requests lists API calls only, not control calls', async () => {
	await call(`${emulator.baseUrl}/verify`, { key: emulator.apiKey });
	const reply = await control('/requests');
	expect(reply.json).toEqual({
		requests: [
			expect.objectContaining({ method: 'GET', path: '/v1/verify', status: 200, auth: 'ok' }),
		],
		total: 1,
	});
});

test('faults can be armed over HTTP', async () => {
	const reply = await control('/faults', { path: '/v1/verify', status: 502 });
	expect(reply.status).toBe(201);
	expect(reply.json).toMatchObject({
		fault: { path: '/v1/verify', status: 502 },
		pendingFaults: 1,
	});
	expect((await call(`${emulator.baseUrl}/verify`, { key: emulator.apiKey })).status).toBe(502);
	expect((await control('/faults', { status: 502 })).status).toBe(400);
});

test('reset forgets webhooks, logs and faults but keeps the key', async () => {
	await createHook();
	await control('/faults', { path: '/v1/verify', status: 502 });
	expect((await control('/reset', {})).json).toEqual({ message: 'Emulator reset' });
	expect((await control('/health')).json).toMatchObject({ webhooks: 0, pendingFaults: 0 });
	expect(emulator.requests()).toEqual([]);
	expect((await call(`${emulator.baseUrl}/verify`, { key: emulator.apiKey })).status).toBe(200);
});

test('an unknown control route is a JSON 404', async () => {
	const reply = await control('/nothing');
	expect([reply.status, reply.json.error]).toEqual([404, 'not_found']);
});

test.each([
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
