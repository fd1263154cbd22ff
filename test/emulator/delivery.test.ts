import {
	startScriptedServer,
	type ScriptedAnswer,
	type ScriptedServer,
} from '../support/scriptedServer';
import { kakiyoDigest, kakiyoSignature } from '../support/signature';
import { waitFor } from '../support/waitFor';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from './index';
import { call } from './testKit';

let emulator: RunningEmulator | undefined;
let receiver: ScriptedServer | undefined;

/** An emulator and a receiver answering its deliveries from `script` (200 to all by default). */
async function setUp(options: EmulatorOptions = {}, ...script: ScriptedAnswer[]) {
	receiver = await startScriptedServer(...script);
	emulator = await startEmulator({ retryDelaysMs: [1, 1, 1], ...options });
	return { emulator, receiver };
}

async function createHook(target: RunningEmulator, body: Record<string, unknown>) {
	const reply = await call(`${target.baseUrl}/webhooks`, {
		method: 'POST',
		key: target.apiKey,
		body: { name: 'Receiver', events: ['*'], ...body },
	});
	expect(reply.status).toBe(201);
	return reply.json;
}

afterEach(async () => {
	await emulator?.close();
	await receiver?.close();
	emulator = undefined;
	receiver = undefined;
});

describe('signed deliveries', () => {
	it.each([
		['prefixed', (hex: string) => `sha256=${hex}`],
		['bare', (hex: string) => hex],
	] as const)('%s signatures cover the exact bytes sent', async (signatureFormat, format) => {
		const { emulator, receiver } = await setUp({ signatureFormat });
		await createHook(emulator, { url: receiver.url('/hook'), secret: 'über-secret ✓' });
		const payload = { event: 'linkedin.message.received', note: 'naïve café ☕', n: 1.5 };
		const result = await emulator.emit('linkedin.message.received', payload);
		expect(result).toMatchObject({ webhooks: 1, deliveries: [{ delivered: true, attempts: 1 }] });

		const [got] = receiver.calls;
		expect(got.headers['x-kakiyo-signature']).toBe(format(kakiyoDigest('über-secret ✓', got.raw)));
		expect(got.headers['content-type']).toBe('application/json');
		expect(got.headers['user-agent']).toMatch(/^Kakiyo-Webhooks\//);
		// Sent as given, and the log holds the very same bytes.
		expect(JSON.parse(got.raw.toString('utf8'))).toEqual(payload);
		expect(emulator.deliveries()[0].body).toBe(got.raw.toString('utf8'));
	});

	it('no signature header when the webhook has no secret', async () => {
		const { emulator, receiver } = await setUp();
		await createHook(emulator, { url: receiver.url('/hook') });
		await emulator.emit('prospect.qualified');
		expect(receiver.calls).toHaveLength(1);
		expect(receiver.calls[0].headers).not.toHaveProperty('x-kakiyo-signature');
	});

	it('a server-generated secret is returned once and signs the deliveries', async () => {
		const { emulator, receiver } = await setUp({ serverGeneratedSecrets: true });
		const created = await createHook(emulator, { url: receiver.url('/hook') });
		expect(created.secret).toMatch(/^\S{32,}$/);
		await emulator.emit('campaign.completed');
		const [got] = receiver.calls;
		expect(got.headers['x-kakiyo-signature']).toBe(kakiyoSignature(created.secret, got.raw));
	});

	it("with 'always', a secret sent on create is replaced by one the server makes, returned once", async () => {
		const { emulator, receiver } = await setUp({ serverGeneratedSecrets: 'always' });
		const created = await createHook(emulator, {
			url: receiver.url('/hook'),
			secret: 'the-client-secret',
		});
		expect(created.secret).toMatch(/^\S{32,}$/);
		expect(created.secret).not.toBe('the-client-secret');
		await emulator.emit('campaign.completed');
		const [got] = receiver.calls;
		expect(got.headers['x-kakiyo-signature']).toBe(kakiyoSignature(created.secret, got.raw));
	});

	it('only active webhooks subscribed to the event or to * get it, all with the same bytes', async () => {
		const { emulator, receiver } = await setUp();
		await createHook(emulator, { url: receiver.url('/hook/exact'), events: ['message.sent'] });
		await createHook(emulator, { url: receiver.url('/hook/wild'), events: ['*'] });
		await createHook(emulator, {
			url: receiver.url('/hook/other'),
			events: ['prospect.unqualified'],
		});
		const off = await createHook(emulator, { url: receiver.url('/hook/off') });
		await call(`${emulator.baseUrl}/webhooks/${off.id}`, {
			method: 'PUT',
			key: emulator.apiKey,
			body: { active: false },
		});

		const result = await emulator.emit('message.sent');
		expect(result.webhooks).toBe(2);
		expect(receiver.calls.map((got) => got.url).sort()).toEqual(['/hook/exact', '/hook/wild']);
		expect(receiver.calls[0].raw.equals(receiver.calls[1].raw)).toBe(true);
		expect(JSON.parse(receiver.calls[0].raw.toString('utf8'))).toMatchObject({
			event: 'message.sent',
			team: { id: expect.any(String) },
		});
	});

	it('an event without an example needs a payload', async () => {
		const { emulator, receiver } = await setUp();
		await createHook(emulator, { url: receiver.url('/hook') });
		await expect(emulator.emit('lead.created')).rejects.toThrow(/payload/);
		const result = await emulator.emit('lead.created', { event: 'lead.created', data: {} });
		expect(result.webhooks).toBe(1);
	});
});

describe('retries', () => {
	it('a failing receiver gets 1 + 3 attempts, spaced by the retry delays', async () => {
		const delays = [20, 40, 80];
		const { emulator, receiver } = await setUp({ retryDelaysMs: delays }, { status: 500 });
		await createHook(emulator, { url: receiver.url('/hook'), secret: 's' });
		const result = await emulator.emit('linkedin.invitation.sent');

		expect(result.deliveries).toEqual([
			expect.objectContaining({ delivered: false, attempts: 4, status: 500, failureCount: 1 }),
		]);
		const attempts = emulator.deliveries();
		expect(attempts.map((a) => [a.attempt, a.status, a.outcome])).toEqual([
			[1, 500, 'http_error'],
			[2, 500, 'http_error'],
			[3, 500, 'http_error'],
			[4, 500, 'http_error'],
		]);
		expect(new Set(attempts.map((a) => a.deliveryId)).size).toBe(1);
		// Every retry re-sends the same signed bytes.
		expect(new Set(receiver.calls.map((got) => got.raw.toString('base64'))).size).toBe(1);
		const gaps = receiver.calls.slice(1).map((got, index) => got.at - receiver.calls[index].at);
		gaps.forEach((gap, index) => expect(gap).toBeGreaterThanOrEqual(delays[index] * 0.75));
	});

	it('a success after failures ends the chain and counts as delivered', async () => {
		const { emulator, receiver } = await setUp(
			{},
			{ status: 503 },
			{ status: 503 },
			{ status: 204 },
		);
		await createHook(emulator, { url: receiver.url('/hook') });
		const result = await emulator.emit('prospect.responded');
		expect(result.deliveries[0]).toMatchObject({ delivered: true, attempts: 3, status: 204 });
		expect(emulator.deliveries().map((a) => a.outcome)).toEqual([
			'http_error',
			'http_error',
			'success',
		]);
	});

	it('an attempt that gets no answer in time is a timeout', async () => {
		const { emulator, receiver } = await setUp({ attemptTimeoutMs: 50 }, { hang: true });
		await createHook(emulator, { url: receiver.url('/hook') });
		const result = await emulator.emit('agent.status_changed');
		expect(result.deliveries[0]).toMatchObject({ delivered: false, attempts: 4 });
		expect(emulator.deliveries().map((a) => a.outcome)).toEqual(Array(4).fill('timeout'));
		expect(emulator.deliveries()[0].error).toMatch(/50 ms/);
	});

	it('a refused connection is a network error', async () => {
		const { emulator, receiver } = await setUp();
		await createHook(emulator, { url: receiver.url('/hook') });
		await receiver.close(); // nobody listens on that port any more
		const result = await emulator.emit('connection.accepted');
		expect(result.deliveries[0]).toMatchObject({ delivered: false, error: 'ECONNREFUSED' });
		expect(emulator.deliveries()[0].outcome).toBe('network_error');
	});
});

describe('auto-disable', () => {
	it('4 failed deliveries in a row disable the webhook; re-enabling resets the count', async () => {
		const { emulator, receiver } = await setUp({}, { status: 500 });
		const hook = await createHook(emulator, { url: receiver.url('/hook') });
		const counts = [];
		for (let i = 0; i < 4; i++) {
			const { deliveries } = await emulator.emit('linkedin.message.sent');
			counts.push([deliveries[0].failureCount, deliveries[0].webhookActive]);
		}
		expect(counts).toEqual([
			[1, true],
			[2, true],
			[3, true],
			[4, false],
		]);
		expect((await emulator.emit('linkedin.message.sent')).webhooks).toBe(0);

		const url = `${emulator.baseUrl}/webhooks/${hook.id}`;
		const shown = await call(url, { key: emulator.apiKey });
		expect(shown.json).toMatchObject({ active: false, failureCount: 4 });
		const enabled = await call(url, {
			method: 'PUT',
			key: emulator.apiKey,
			body: { active: true },
		});
		expect(enabled.json).toMatchObject({ active: true, failureCount: 0 });
		expect((await emulator.emit('linkedin.message.sent')).webhooks).toBe(1);
	});

	it('a success resets the count of failed deliveries', async () => {
		const { emulator, receiver } = await setUp(
			{ retryDelaysMs: [] },
			{ status: 500 },
			{ status: 500 },
			{ status: 200 },
			{ status: 500 },
		);
		await createHook(emulator, { url: receiver.url('/hook') });
		const counts = [];
		for (let i = 0; i < 4; i++)
			counts.push((await emulator.emit('message.sent')).deliveries[0].failureCount);
		expect(counts).toEqual([1, 2, 0, 1]);
		expect(emulator.webhooks()[0]).toMatchObject({ active: true, failureCount: 1 });
	});
});

it('close() cancels a delivery that is waiting to retry', async () => {
	const { emulator, receiver } = await setUp({ retryDelaysMs: [60_000] }, { status: 500 });
	await createHook(emulator, { url: receiver.url('/hook') });
	const pending = emulator.emit('message.sent');
	await waitFor(() => emulator.deliveries().length === 1, {
		what: 'the first delivery attempt',
		timeoutMs: 5000,
		intervalMs: 5,
	});
	await emulator.close();
	await expect(pending).resolves.toMatchObject({ deliveries: [{ delivered: false, attempts: 1 }] });
});
