import { useEmulator, withEmulator } from '../support/emulator';
import { startScriptedServer } from '../support/scriptedServer';
import { call, newApiKey, type Reply } from './testKit';

// Written out here rather than imported, so the test checks the emulator against the contract.
const REFERENCE_EVENTS = ['prospect.qualified', 'prospect.responded', 'campaign.completed'].concat([
	'message.sent',
	'connection.accepted',
	'agent.status_changed',
]);
const GUIDE_EVENTS = [
	'linkedin.message.sent',
	'linkedin.message.received',
	'linkedin.invitation.sent',
].concat(['linkedin.invitation.accepted', 'prospect.qualification.manual', 'prospect.unqualified']);
const ISO_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;

const newKey = newApiKey;
const inactiveKey = newKey();

const emulator = useEmulator({ inactiveKeys: [inactiveKey] });
const api = (path: string, options: Parameters<typeof call>[1] = {}) =>
	call(`${emulator.baseUrl}${path}`, { key: emulator.apiKey, ...options });
const expectValidationError = (reply: Reply<unknown>, message: RegExp) =>
	expect([reply.status, reply.json]).toEqual([
		400,
		{ error: 'validation_error', message: expect.stringMatching(message) },
	]);
const createHook = (body: Record<string, unknown> = {}) =>
	api('/webhooks', {
		method: 'POST',
		body: { name: 'CRM sync', url: 'https://crm.example.com/kakiyo', events: ['*'], ...body },
	});

describe('authentication', () => {
	it.each([
		['no Authorization header', 401, 'missing_api_key', {}],
		['another scheme', 401, 'invalid_api_key_format', { authorization: `Basic ${newKey()}` }],
		['a short key', 401, 'invalid_api_key_format', { authorization: 'Bearer abc123' }],
		[
			'a 40-character key with a bad character',
			401,
			'invalid_api_key_format',
			{ authorization: `Bearer ${'a'.repeat(39)}!` },
		],
		['an unknown key', 401, 'invalid_api_key', { authorization: `Bearer ${newKey()}` }],
		[
			'an inactive subscription',
			403,
			'subscription_inactive',
			{ authorization: `Bearer ${inactiveKey}` },
		],
	])('%s: %i %s', async (_case, status, error, headers) => {
		const reply = await call(`${emulator.baseUrl}/verify`, { headers });
		expect(reply.status).toBe(status);
		expect(reply.json).toEqual({ error, message: expect.stringMatching(/\w+ \w+/) });
	});

	it('a valid key verifies', async () => {
		const reply = await api('/verify');
		expect(reply.status).toBe(200);
		expect(reply.json).toEqual({ status: 'success', message: 'API key is valid' });
	});

	it('the request log names the auth outcome and never holds a whole key', async () => {
		await api('/verify');
		await call(`${emulator.baseUrl}/verify`);
		const log = emulator.requests();
		expect(log.map((entry) => [entry.path, entry.status, entry.auth])).toEqual([
			['/v1/verify', 200, 'ok'],
			['/v1/verify', 401, 'missing_api_key'],
		]);
		expect(log[0].keyHint).toBe(`…${emulator.apiKey.slice(-4)}`);
		expect(JSON.stringify(log)).not.toContain(emulator.apiKey);
	});
});

it('every answer is JSON, including unknown routes', async () => {
	const replies = [
		await api('/verify'),
		await api('/nowhere'),
		await api('/webhooks', { method: 'PATCH' }),
		await call(`${emulator.baseUrl.replace('/v1', '')}/`),
		await call(`${emulator.baseUrl}/verify`),
		await createHook({ name: '' }),
	];
	expect(replies.map((reply) => reply.contentType)).toEqual(
		replies.map(() => expect.stringMatching(/^application\/json/)),
	);
	expect(replies.slice(1, 4).map((reply) => [reply.status, reply.json.error])).toEqual([
		[404, 'not_found'],
		[404, 'not_found'],
		[404, 'not_found'],
	]);
});

it('a trailing slash is ignored, the query string too', async () => {
	expect((await api('/webhooks/?limit=5')).json).toEqual({ webhooks: [], total: 0 });
});

describe('webhooks', () => {
	it('create answers 201 with the documented fields and no secret', async () => {
		const reply = await createHook({ secret: 'shh', events: ['linkedin.message.received'] });
		expect(reply.status).toBe(201);
		expect(reply.json).toEqual({
			id: expect.stringMatching(/^[0-9a-f]{20}$/),
			name: 'CRM sync',
			url: 'https://crm.example.com/kakiyo',
			events: ['linkedin.message.received'],
			active: true,
			createdAt: expect.stringMatching(ISO_TIME),
			message: 'Webhook created successfully',
		});
	});

	it('list and get show hasSecret, never the secret', async () => {
		const { json: created } = await createHook({ secret: 'shh' });
		const expected = {
			id: created.id,
			name: 'CRM sync',
			url: 'https://crm.example.com/kakiyo',
			events: ['*'],
			active: true,
			hasSecret: true,
			failureCount: 0,
			createdAt: created.createdAt,
			updatedAt: created.createdAt,
		};
		const list = await api('/webhooks');
		expect(list.json).toEqual({ webhooks: [expected], total: 1 });
		const one = await api(`/webhooks/${created.id}`);
		expect(one.json).toEqual(expected);
		expect(list.text + one.text).not.toContain('shh');
	});

	it('an unknown id is 404 not_found for get, put and delete', async () => {
		const missing = { error: 'not_found', message: 'Webhook not found' };
		for (const method of ['GET', 'PUT', 'DELETE']) {
			const reply = await api('/webhooks/0123456789abcdef0123', { method, body: { name: 'x' } });
			expect([method, reply.status, reply.json]).toEqual([method, 404, missing]);
		}
	});

	it('put changes the given fields and answers the whole object', async () => {
		const { json: created } = await createHook({ secret: 'shh' });
		const reply = await api(`/webhooks/${created.id}`, {
			method: 'PUT',
			body: {
				name: 'Renamed',
				events: ['prospect.qualified', 'prospect.qualified'],
				secret: null,
				active: false,
			},
		});
		expect(reply.status).toBe(200);
		expect(reply.json).toMatchObject({
			id: created.id,
			name: 'Renamed',
			url: 'https://crm.example.com/kakiyo',
			events: ['prospect.qualified'],
			active: false,
			hasSecret: false,
			message: 'Webhook updated successfully',
		});
		expect(Date.parse(reply.json.updatedAt)).toBeGreaterThanOrEqual(Date.parse(created.createdAt));
	});

	it("another team's webhook is 403 for get, put and delete, and not listed", async () => {
		const otherKey = newApiKey();
		await withEmulator({ otherTeam: { apiKeys: [otherKey] } }, async (twoTeams) => {
			const theirs = await call(`${twoTeams.baseUrl}/webhooks`, {
				method: 'POST',
				key: otherKey,
				body: { name: 'Theirs', url: 'https://example.com/h', events: ['*'] },
			});
			const ours = (path: string, method = 'GET') =>
				call(`${twoTeams.baseUrl}${path}`, { method, key: twoTeams.apiKey, body: { name: 'x' } });
			for (const method of ['GET', 'PUT', 'DELETE']) {
				const reply = await ours(`/webhooks/${theirs.json.id}`, method);
				expect([method, reply.status, reply.json]).toEqual([
					method,
					403,
					{ error: 'forbidden', message: 'You do not have access to this webhook' },
				]);
			}
			expect((await ours('/webhooks')).json).toEqual({ webhooks: [], total: 0 });
			expect(twoTeams.webhooks()).toEqual([]);
			expect(twoTeams.state().teams[1].webhooks).toHaveLength(1);
		});
	});

	it('delete answers the id, and the webhook is gone', async () => {
		const { json: created } = await createHook();
		const reply = await api(`/webhooks/${created.id}`, { method: 'DELETE' });
		expect(reply.json).toEqual({ message: 'Webhook deleted successfully', id: created.id });
		expect((await api(`/webhooks/${created.id}`)).status).toBe(404);
		expect((await api(`/webhooks/${created.id}`, { method: 'DELETE' })).status).toBe(404);
	});

	it.each([
		['missing name', { name: undefined }, /name/],
		['empty name', { name: '  ' }, /name/],
		['missing url', { url: undefined }, /url/],
		['url that is not a URL', { url: 'not a url' }, /url/],
		['url that is not http(s)', { url: 'ftp://files.example.com/' }, /url/],
		['missing events', { events: undefined }, /events/],
		['empty events', { events: [] }, /events/],
		['events that is not an array', { events: 'prospect.qualified' }, /events/],
		['events that are not strings', { events: [1] }, /events/],
		[
			'an unknown event',
			{ events: ['prospect.qualified', 'lead.created'] },
			/events.*lead\.created/,
		],
		['a secret that is not a string', { secret: 42 }, /secret/],
	])('create refuses %s', async (_case, change, message) => {
		expectValidationError(await createHook(change), message);
	});

	it.each([
		['a body that is not JSON', '{"name": oops', /JSON/],
		['a JSON array', '[]', /object/],
	])('create refuses %s', async (_case, body, message) => {
		expectValidationError(await api('/webhooks', { method: 'POST', body }), message);
	});

	it.each([
		['an empty change', {}, /at least one/],
		['a bad url', { url: 'nope' }, /url/],
		['an unknown event', { events: ['nope.nope'] }, /nope\.nope/],
		['a non-boolean active', { active: 'yes' }, /active/],
	])('put refuses %s', async (_case, body, message) => {
		const { json: created } = await createHook();
		expectValidationError(await api(`/webhooks/${created.id}`, { method: 'PUT', body }), message);
	});
});

describe('event catalogue and examples', () => {
	it('lists both vocabularies as {id, name, description, category}, without the wildcard', async () => {
		const reply = await api('/webhooks/test/events');
		expect(reply.status).toBe(200);
		expect(reply.json.map((event: { id: string }) => event.id).sort()).toEqual(
			[...REFERENCE_EVENTS, ...GUIDE_EVENTS].sort(),
		);
		for (const event of reply.json) {
			expect(event).toEqual({
				id: expect.any(String),
				name: expect.stringMatching(/\w/),
				description: expect.stringMatching(/\w/),
				category: expect.stringMatching(/\w/),
			});
		}
	});

	it.each(GUIDE_EVENTS)('%s has the guide shape', async (event) => {
		const { status, json } = await api(`/webhooks/test/example/${event}`);
		expect(status).toBe(200);
		expect(json).toEqual({
			event,
			teamId: expect.any(String),
			timestamp: expect.stringMatching(ISO_TIME),
			data: {
				agentId: expect.any(String),
				campaignId: expect.any(String),
				chatId: expect.any(String),
				prospectId: expect.any(String),
				timestamp: expect.stringMatching(ISO_TIME),
				...(event.startsWith('linkedin.message.') ? { message: expect.stringMatching(/\w/) } : {}),
			},
		});
	});

	it.each(REFERENCE_EVENTS)('%s has the API-reference shape', async (event) => {
		const { status, json } = await api(`/webhooks/test/example/${event}`);
		expect(status).toBe(200);
		expect(json).toEqual({
			event,
			timestamp: expect.stringMatching(ISO_TIME),
			data: expect.any(Object),
			team: { id: expect.any(String), name: expect.any(String) },
		});
		expect(Object.keys(json.data).length).toBeGreaterThan(0);
	});

	it.each(['lead.created', '*'])('example for %s is a 400 naming it', async (event) => {
		const reply = await api(`/webhooks/test/example/${encodeURIComponent(event)}`);
		expectValidationError(reply, new RegExp(event.replace(/[.*]/g, '\\$&')));
	});
});

describe('test sends', () => {
	it('answer at once with the count, then deliver a fresh example to each subscriber', async () => {
		const receiver = await startScriptedServer();
		try {
			await createHook({ url: receiver.url('/hook'), events: ['linkedin.message.received'] });
			await createHook({ url: receiver.url('/hook'), events: ['*'] });
			await createHook({ url: receiver.url('/hook'), events: ['prospect.qualified'] });
			const { json: disabled } = await createHook({ url: receiver.url('/hook') });
			await api(`/webhooks/${disabled.id}`, { method: 'PUT', body: { active: false } });

			const before = Date.now();
			const reply = await api('/webhooks/test', {
				method: 'POST',
				body: { event: 'linkedin.message.received' },
			});
			expect(reply.json).toEqual({
				success: true,
				event: 'linkedin.message.received',
				message: 'Test event sent to 2 webhook(s)',
				webhooks: 2,
			});
			await emulator.idle();
			expect(receiver.calls).toHaveLength(2);
			for (const delivery of receiver.calls) {
				const payload = JSON.parse(delivery.raw.toString('utf8'));
				expect(payload.event).toBe('linkedin.message.received');
				expect(Date.parse(payload.timestamp)).toBeGreaterThanOrEqual(before - 1000);
			}
		} finally {
			await receiver.close();
		}
	});

	it('the answer does not wait for the deliveries', async () => {
		const receiver = await startScriptedServer({ hang: true });
		try {
			await createHook({ url: receiver.url('/hook') });
			const reply = await api('/webhooks/test', {
				method: 'POST',
				body: { event: 'message.sent' },
			});
			expect(reply.json.webhooks).toBe(1);
			expect(emulator.deliveries()).toEqual([]); // the attempt is still waiting for the receiver
		} finally {
			emulator.reset(); // cancels the hanging delivery
			await receiver.close();
		}
	});

	it.each([
		['no event', {}],
		['an unknown event', { event: 'lead.created' }],
		['the wildcard', { event: '*' }],
	])('refuses %s with 400', async (_case, body) => {
		expectValidationError(await api('/webhooks/test', { method: 'POST', body }), /event/);
	});
});
