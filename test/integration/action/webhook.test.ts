import { randomBytes } from 'node:crypto';
import type { INodeParameters } from 'n8n-workflow';
import { useEmulator, withEmulator } from '../../support/emulator';
import { jsonAndPairing, kakiyoAgainst, runKakiyo } from './kakiyoRun';
import { byId, fromList } from './wire/wireRow';

const emulator = useEmulator();
const kakiyo = kakiyoAgainst(() => emulator);

const webhookOperation = (operation: string, parameters: INodeParameters) => ({
	resource: 'webhook',
	operation,
	...parameters,
});
const hooksAt = (...names: string[]) =>
	kakiyo.createWebhooks(names.map((name) => ({ name, url: `https://hooks.example/${name}` })));
/** The calls a test made after its set-up. */
const callsSince = (count: number) => kakiyo.calls().slice(count);

describe('Webhook > Create', () => {
	it('POSTs name, url, events and secret per item, stores the secret in Kakiyo and never outputs it', async () => {
		const secret = randomBytes(16).toString('hex');
		const output = await kakiyo.run(
			webhookOperation('create', {
				name: '={{ $json.name }}',
				url: '={{ $json.url }}',
				events: ['linkedin.message.received', 'prospect.qualified'],
				additionalFields: { secret: '={{ $json.secret }}' },
			}),
			{
				items: [
					{ name: 'CRM', url: 'https://crm.example/kakiyo', secret },
					{ name: 'Slack', url: 'https://slack.example/kakiyo', secret: '' },
				],
			},
		);

		expect(kakiyo.calls()).toEqual([
			{ method: 'POST', path: '/v1/webhooks', status: 201 },
			{ method: 'POST', path: '/v1/webhooks', status: 201 },
		]);
		const stored = emulator.webhooks();
		const events = ['linkedin.message.received', 'prospect.qualified'];
		expect(stored).toMatchObject([
			{ name: 'CRM', url: 'https://crm.example/kakiyo', events, secret, active: true },
			{ name: 'Slack', url: 'https://slack.example/kakiyo', events, active: true },
		]);
		expect(stored[1].secret).toBeUndefined();
		expect(jsonAndPairing(output)).toEqual(
			stored.map((hook, item) => ({
				json: {
					id: hook.id,
					name: hook.name,
					url: hook.url,
					events: hook.events,
					active: true,
					createdAt: hook.createdAt,
					message: 'Webhook created successfully',
					...(item === 0 ? { hasSecret: true } : {}),
				},
				pairedItem: { item },
			})),
		);
		expect(JSON.stringify(output)).not.toContain(secret);
	});

	it('accepts events from an expression as comma-separated text', async () => {
		await kakiyo.run(
			webhookOperation('create', {
				name: 'CRM',
				url: 'https://crm.example/kakiyo',
				events: '={{ $json.events }}',
			}),
			{ items: [{ events: 'linkedin.message.sent, linkedin.message.sent,prospect.unqualified' }] },
		);

		expect(emulator.webhooks()[0].events).toEqual([
			'linkedin.message.sent',
			'prospect.unqualified',
		]);
	});

	it('hides a secret that Kakiyo makes and returns', async () => {
		await withEmulator({ serverGeneratedSecrets: true }, async (generating) => {
			const output = await runKakiyo({
				baseUrl: generating.baseUrl,
				apiKey: generating.apiKey,
				parameters: webhookOperation('create', {
					name: 'CRM',
					url: 'https://crm.example/kakiyo',
					events: ['*'],
				}),
			});

			const [stored] = generating.webhooks();
			expect(stored.secret).toMatch(/^[0-9a-f]{64}$/);
			expect(output[0].json).toMatchObject({ id: stored.id, hasSecret: true });
			expect(output[0].json).not.toHaveProperty('secret');
			expect(JSON.stringify(output)).not.toContain(stored.secret);
		});
	});

	it('refuses a create without events before calling Kakiyo', async () => {
		const error = await kakiyo.fail(
			webhookOperation('create', { name: 'CRM', url: 'https://crm.example/k', events: [] }),
		);

		expect(error.message).toBe('No events chosen');
		expect(kakiyo.calls()).toEqual([]);
	});

	it.each([
		['Name', { name: '  ', url: 'https://crm.example/k' }],
		['URL', { name: 'CRM', url: '' }],
	])(
		'refuses a create whose %s resolves to nothing, before calling Kakiyo',
		async (label, item) => {
			const error = await kakiyo.fail(
				webhookOperation('create', {
					name: '={{ $json.name }}',
					url: '={{ $json.url }}',
					events: ['*'],
				}),
				{ items: [item] },
			);

			expect(error.message).toBe(`${label} is empty`);
			expect(kakiyo.calls()).toEqual([]);
		},
	);

	it("passes on Kakiyo's validation message", async () => {
		const error = await kakiyo.fail(
			webhookOperation('create', { name: 'CRM', url: 'not a url', events: ['*'] }),
		);

		expect(error.message).toBe('Kakiyo refused the request: url must be a valid http(s) URL');
		expect(error.httpCode).toBe('400');
	});
});

describe('Webhook > Get', () => {
	it('GETs /webhooks/{id} for each item, from the list or by ID, without the secret', async () => {
		const [crm, slack] = await hooksAt('crm', 'slack');
		await kakiyo.run(
			webhookOperation('update', { webhookId: byId(crm), updateFields: { secret: 'rotate-me' } }),
		);
		const before = kakiyo.calls().length;

		const output = await kakiyo.run(
			webhookOperation('get', { webhookId: '={{ $json.locator }}' }),
			{
				items: [{ locator: fromList(crm) }, { locator: byId(slack) }],
			},
		);

		expect(callsSince(before)).toEqual([
			{ method: 'GET', path: `/v1/webhooks/${crm}`, status: 200 },
			{ method: 'GET', path: `/v1/webhooks/${slack}`, status: 200 },
		]);
		expect(output.map((item) => [item.json.id, item.json.hasSecret, item.pairedItem])).toEqual([
			[crm, true, { item: 0 }],
			[slack, false, { item: 1 }],
		]);
		expect(JSON.stringify(output)).not.toContain('rotate-me');
	});

	it('takes a plain ID string set by an expression', async () => {
		const [crm] = await hooksAt('crm');

		const output = await kakiyo.run(webhookOperation('get', { webhookId: '={{ $json.id }}' }), {
			items: [{ id: crm }],
		});

		expect(output[0].json).toMatchObject({ id: crm, name: 'crm' });
	});

	it('says which webhook is missing (404)', async () => {
		const error = await kakiyo.fail(webhookOperation('get', { webhookId: byId('gone123') }));

		expect(error.message).toBe('Kakiyo could not find webhook "gone123": Webhook not found');
		expect(error.httpCode).toBe('404');
		expect(kakiyo.calls()).toEqual([{ method: 'GET', path: '/v1/webhooks/gone123', status: 404 }]);
	});

	it('with Continue On Fail, reports the missing webhook in its item and gets the others', async () => {
		const [crm] = await hooksAt('crm');

		const output = await kakiyo.run(webhookOperation('get', { webhookId: '={{ $json.id }}' }), {
			items: [{ id: 'gone123' }, { id: crm }],
			continueOnFail: true,
		});

		expect(output[0]).toEqual({
			json: {
				error: 'Kakiyo could not find webhook "gone123": Webhook not found',
				description: expect.stringMatching(/Check the ID/),
				httpCode: '404',
			},
			pairedItem: { item: 0 },
		});
		expect(output[1]).toMatchObject({ json: { id: crm }, pairedItem: { item: 1 } });
	});
});

describe('Webhook > Get Many', () => {
	it('GETs /webhooks once per item and honours Limit', async () => {
		await hooksAt('a', 'b', 'c');
		const before = kakiyo.calls().length;

		const output = await kakiyo.run(webhookOperation('getAll', { returnAll: false, limit: 2 }), {
			items: [{}, {}],
		});

		expect(callsSince(before)).toEqual([
			{ method: 'GET', path: '/v1/webhooks', status: 200 },
			{ method: 'GET', path: '/v1/webhooks', status: 200 },
		]);
		expect(output.map((item) => [item.json.name, item.pairedItem])).toEqual([
			['a', { item: 0 }],
			['b', { item: 0 }],
			['a', { item: 1 }],
			['b', { item: 1 }],
		]);
		for (const { json } of output) {
			expect(json.hasSecret).toBe(false);
			expect(json).not.toHaveProperty('secret');
		}
	});

	it('returns every webhook with Return All', async () => {
		await hooksAt('a', 'b', 'c');

		expect(await kakiyo.run(webhookOperation('getAll', { returnAll: true }))).toHaveLength(3);
	});

	it('retries a transient failure through the shared client', async () => {
		await hooksAt('a');
		emulator.injectFault({ method: 'GET', path: '/v1/webhooks', status: 503 });
		const before = kakiyo.calls().length;

		const output = await kakiyo.run(webhookOperation('getAll', { returnAll: true }));

		expect(callsSince(before)).toEqual([
			{ method: 'GET', path: '/v1/webhooks', status: 503 },
			{ method: 'GET', path: '/v1/webhooks', status: 200 },
		]);
		expect(output).toHaveLength(1);
	});
});

describe('Webhook > Update', () => {
	it('PUTs only the fields given, per item', async () => {
		const [crm, slack] = await hooksAt('crm', 'slack');
		const before = kakiyo.calls().length;

		const output = await kakiyo.run(
			webhookOperation('update', {
				webhookId: '={{ $json.id }}',
				updateFields: { active: false, events: ['campaign.completed'] },
			}),
			{ items: [{ id: crm }, { id: slack }] },
		);

		expect(callsSince(before)).toEqual([
			{ method: 'PUT', path: `/v1/webhooks/${crm}`, status: 200 },
			{ method: 'PUT', path: `/v1/webhooks/${slack}`, status: 200 },
		]);
		expect(emulator.webhooks()).toMatchObject([
			{
				name: 'crm',
				url: 'https://hooks.example/crm',
				events: ['campaign.completed'],
				active: false,
			},
			{
				name: 'slack',
				url: 'https://hooks.example/slack',
				events: ['campaign.completed'],
				active: false,
			},
		]);
		expect(
			output.map((item) => [item.json.id, item.json.active, item.json.message, item.pairedItem]),
		).toEqual([
			[crm, false, 'Webhook updated successfully', { item: 0 }],
			[slack, false, 'Webhook updated successfully', { item: 1 }],
		]);
	});

	it('renames, moves and rotates the secret without outputting it', async () => {
		const [crm] = await hooksAt('crm');
		const secret = randomBytes(16).toString('hex');

		const output = await kakiyo.run(
			webhookOperation('update', {
				webhookId: fromList(crm),
				updateFields: { name: ' CRM v2 ', url: 'https://crm.example/v2', secret },
			}),
		);

		expect(emulator.webhooks()[0]).toMatchObject({
			name: 'CRM v2',
			url: 'https://crm.example/v2',
			secret,
		});
		expect(output[0].json).toMatchObject({ id: crm, name: 'CRM v2', hasSecret: true });
		expect(JSON.stringify(output)).not.toContain(secret);
	});

	it('refuses an update with nothing to change before calling Kakiyo', async () => {
		const error = await kakiyo.fail(
			webhookOperation('update', { webhookId: byId('abc'), updateFields: { name: '' } }),
		);

		expect(error.message).toBe('Nothing to update');
		expect(kakiyo.calls()).toEqual([]);
	});
});

describe('Webhook > Delete', () => {
	it('DELETEs /webhooks/{id} per item and says so', async () => {
		const [crm, slack] = await hooksAt('crm', 'slack');
		const before = kakiyo.calls().length;

		const output = await kakiyo.run(webhookOperation('delete', { webhookId: '={{ $json.id }}' }), {
			items: [{ id: crm }, { id: slack }],
		});

		expect(callsSince(before)).toEqual([
			{ method: 'DELETE', path: `/v1/webhooks/${crm}`, status: 200 },
			{ method: 'DELETE', path: `/v1/webhooks/${slack}`, status: 200 },
		]);
		expect(emulator.webhooks()).toEqual([]);
		expect(jsonAndPairing(output)).toEqual(
			[crm, slack].map((id, item) => ({
				json: { id, deleted: true },
				pairedItem: { item },
			})),
		);
	});

	it('fails clearly when the webhook is already gone', async () => {
		const error = await kakiyo.fail(webhookOperation('delete', { webhookId: byId('gone123') }));

		expect(error.message).toBe('Kakiyo could not find webhook "gone123": Webhook not found');
	});
});

describe('authentication', () => {
	it.each([
		['create', { name: 'CRM', url: 'https://crm.example/k', events: ['*'] }],
		['get', { webhookId: byId('abc') }],
		['getAll', { returnAll: true }],
		['update', { webhookId: byId('abc'), updateFields: { active: true } }],
		['delete', { webhookId: byId('abc') }],
	])('%s explains a rejected API key (401)', async (operation, parameters) => {
		const error = await kakiyo.fail(webhookOperation(operation, parameters), {
			apiKey: randomBytes(20).toString('hex'),
		});

		expect(error.message).toMatch(/^Kakiyo rejected the API key: Invalid API key/);
		expect(error.httpCode).toBe('401');
		expect(kakiyo.calls()).toHaveLength(1);
	});
});
