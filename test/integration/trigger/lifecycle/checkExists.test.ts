import { NodeApiError, NodeOperationError, type IDataObject } from 'n8n-workflow';
import { KakiyoTrigger } from '../../../nodes/KakiyoTrigger/KakiyoTrigger.node';
import { FAST_RETRY } from '../../support/fastRetry';
import { WebhookServer } from '../../support/webhookServer';
import {
	activate,
	callsSince,
	hooks,
	kakiyo,
	startRig,
	triggerWorkflow,
	webhookUrlOf,
	useRig,
} from './rig';

const rig = useRig();

const mark = () => rig.emulator.requests().length;
const remote = (id: unknown) => rig.emulator.webhooks().find((hook) => hook.id === id);

/** An activated trigger whose hook was then deleted in the Kakiyo dashboard. */
async function activatedWithHookGone() {
	const workflow = triggerWorkflow(rig);
	await activate(workflow);
	await kakiyo(rig, 'DELETE', `/webhooks/${String(workflow.nodeStaticData().webhookId)}`);
	return workflow;
}

/** A hook registered by someone else (another tool, another workflow) straight through the API. */
async function foreignHook(url: string, events = ['*']) {
	return await kakiyo(rig, 'POST', '/webhooks', {
		name: 'CRM sync',
		url,
		events,
		secret: 'theirs',
	});
}

describe('create', () => {
	it('registers the chosen events at the workflow URL with a fresh secret and remembers them', async () => {
		const workflow = triggerWorkflow(rig, {
			events: ['linkedin.message.received', 'linkedin.invitation.accepted'],
		});
		const before = mark();
		await activate(workflow);

		// No id yet: one list to look for a hook of ours, then one create.
		expect(callsSince(rig, before)).toEqual(['GET /v1/webhooks', 'POST /v1/webhooks']);
		const [hook] = rig.emulator.webhooks();
		expect(rig.emulator.webhooks()).toHaveLength(1);
		expect(hook).toMatchObject({
			url: webhookUrlOf(workflow),
			events: ['linkedin.invitation.accepted', 'linkedin.message.received'],
			active: true,
		});
		expect(hook.name).toBe(
			'n8n: Kakiyo test workflow / Kakiyo Trigger [workflow wf-test-1, production]',
		);
		expect(hook.secret).toMatch(/^[0-9a-f]{64}$/);
		expect(workflow.nodeStaticData()).toEqual({
			webhookId: hook.id,
			webhookEvents: ['linkedin.invitation.accepted', 'linkedin.message.received'],
			webhookSecret: hook.secret,
			webhookOptions: { includeHeaders: false, maxAgeSeconds: 0 },
			webhookStoredAt: expect.any(Number),
		});
	});

	it('makes a new secret for every registration', async () => {
		await activate(triggerWorkflow(rig, { webhookId: 'a0000000-0000-4000-8000-000000000001' }));
		await activate(triggerWorkflow(rig, { webhookId: 'a0000000-0000-4000-8000-000000000002' }));
		const [first, second] = rig.emulator.webhooks();
		expect(first.secret).not.toBe(second.secret);
	});

	it('registers only the wildcard when "All Events" is among the choices', async () => {
		await activate(triggerWorkflow(rig, { events: ['linkedin.message.sent', '*'] }));
		expect(rig.emulator.webhooks()[0].events).toEqual(['*']);
	});

	it('uses a custom webhook name, marked when it is the test URL', async () => {
		await activate(triggerWorkflow(rig, { options: { webhookName: ' Replies to CRM ' } }));
		await activate(triggerWorkflow(rig, { options: { webhookName: 'Replies to CRM' } }), 'manual');
		const names = rig.emulator.webhooks().map((hook) => [hook.name, hook.url]);
		expect(names).toEqual([
			['Replies to CRM', expect.stringMatching(/\/webhook\/[^/]+\/webhook$/)],
			['Replies to CRM (n8n test)', expect.stringMatching(/\/webhook-test\/[^/]+\/webhook$/)],
		]);
	});

	it('names the test registration after the test URL', async () => {
		await activate(triggerWorkflow(rig), 'manual');
		expect(rig.emulator.webhooks()[0].name).toMatch(/\[workflow wf-test-1, test\]$/);
	});

	it.each([
		['masked', 'whsec_****'],
		['masked with dots', 'whsec_a1b2…'],
		['cut short', 'a1b2c3d4'],
	])(
		'fails, storing nothing, when the create answer shows another secret that is %s',
		async (_case, answered) => {
			const workflow = triggerWorkflow(rig);
			rig.emulator.injectFault({
				method: 'POST',
				path: '/v1/webhooks',
				status: 201,
				body: { id: 'wh_server', url: webhookUrlOf(workflow), active: true, secret: answered },
			});
			const error = (await hooks(workflow)
				.create()
				.catch((caught: unknown) => caught)) as NodeOperationError;
			expect(error.message).toBe('Kakiyo did not confirm the new webhook wh_server');
			expect(error.description).toMatch(/another signing secret than the one sent/);
			expect(JSON.stringify(error)).not.toContain(answered);
			expect(workflow.nodeStaticData()).toEqual({});
		},
	);

	it('keeps the secret Kakiyo made itself when the create answer shows one in full, and verifies with it', async () => {
		const generating = await startRig({ serverGeneratedSecrets: 'always' });
		try {
			const workflow = triggerWorkflow(generating);
			await activate(workflow);
			const [hook] = generating.emulator.webhooks();
			expect(workflow.nodeStaticData()).toMatchObject({
				webhookId: hook.id,
				webhookSecret: hook.secret,
			});
			expect(JSON.stringify(workflow.logs)).not.toContain(hook.secret);

			generating.receiver.serve(workflow);
			const result = await generating.emulator.emit('linkedin.message.received');
			expect(result.deliveries[0]).toMatchObject({ delivered: true, status: 200 });
			expect(generating.receiver.executions()).toHaveLength(1);
		} finally {
			await generating.close();
		}
	});

	it('fails, storing nothing, when the create answer shows other events or URL', async () => {
		const workflow = triggerWorkflow(rig);
		rig.emulator.injectFault({
			method: 'POST',
			path: '/v1/webhooks',
			status: 201,
			body: { id: 'wh_server', url: 'https://elsewhere.example/hook', events: ['*'] },
		});
		await expect(hooks(workflow).create()).rejects.toThrow(
			'Kakiyo did not confirm the new webhook wh_server',
		);
		expect(workflow.nodeStaticData()).toEqual({});
	});

	// A gateway error may come after Kakiyo registered the hook: a second POST would register another.
	it.each([500, 502, 503, 504])(
		'fails activation on a %i without retrying the POST or storing anything',
		async (status) => {
			const workflow = triggerWorkflow(rig);
			rig.emulator.injectFault({ method: 'POST', path: '/v1/webhooks', status });
			const before = mark();
			const error = await activate(workflow).catch((caught: unknown) => caught);
			expect(error).toBeInstanceOf(NodeApiError);
			expect((error as Error).message).toMatch(`Kakiyo had a server error (${status})`);
			expect(callsSince(rig, before)).toEqual(['GET /v1/webhooks', 'POST /v1/webhooks']);
			expect(workflow.nodeStaticData()).toEqual({});
			expect(rig.emulator.webhooks()).toEqual([]);
		},
	);

	it('fails when Kakiyo answers without a webhook id, storing nothing', async () => {
		const workflow = triggerWorkflow(rig);
		rig.emulator.injectFault({
			method: 'POST',
			path: '/v1/webhooks',
			status: 201,
			body: { ok: 1 },
		});
		await expect(hooks(workflow).create()).rejects.toThrow(/has no webhook ID/);
		expect(workflow.nodeStaticData()).toEqual({});
	});
});

describe('an update Kakiyo does not confirm is never stored', () => {
	/** The next update is answered 200 with this body instead of by Kakiyo, which changes nothing. */
	const answerUpdateWith = (body: IDataObject) =>
		rig.emulator.injectFault({ method: 'PUT', path: '/v1/webhooks/:id', status: 200, body });

	/** Whatever happened, the trigger holds no secret Kakiyo does not have. */
	function expectNoFalseSecret(workflow: ReturnType<typeof triggerWorkflow>) {
		const { webhookId, webhookSecret } = workflow.nodeStaticData();
		if (webhookSecret !== undefined) expect(remote(webhookId)?.secret).toBe(webhookSecret);
	}

	/** Activated and healthy, with one hook for its URL whose secret it holds. */
	async function expectRepairedBy(
		activation: () => Promise<void>,
		workflow: ReturnType<typeof triggerWorkflow>,
	) {
		await activation();
		const mine = rig.emulator.webhooks().filter((hook) => hook.url === webhookUrlOf(workflow));
		expect(mine).toHaveLength(1);
		expect(mine[0]).toMatchObject({ active: true, events: ['linkedin.message.received'] });
		expect(workflow.nodeStaticData()).toMatchObject({
			webhookId: mine[0].id,
			webhookSecret: mine[0].secret,
		});
	}

	/** An activated trigger whose secret is lost, so that activation must give the hook a new one. */
	async function needingNewSecret() {
		const workflow = triggerWorkflow(rig);
		await activate(workflow);
		delete workflow.nodeStaticData().webhookSecret;
		return workflow;
	}

	it('fails on an HTML page answered with 200, then a clean activation repairs', async () => {
		const workflow = await needingNewSecret();
		rig.emulator.injectFault({ method: 'PUT', path: '/v1/webhooks/:id', malformed: true });
		await expect(activate(workflow)).rejects.toThrow(/with HTTP 200 but an HTML page/);
		expectNoFalseSecret(workflow);
		await expectRepairedBy(() => activate(workflow), workflow);
	});

	it("fails on a JSON error answered with 200, saying Kakiyo's words", async () => {
		const workflow = await needingNewSecret();
		answerUpdateWith({ error: 'internal_error', message: 'Could not save' });
		await expect(activate(workflow)).rejects.toThrow(/an error \(internal_error\): Could not save/);
		expectNoFalseSecret(workflow);
	});

	it.each([
		['a masked secret', 'whsec_****'],
		['a readable secret other than the one sent', `whsec_${'k'.repeat(40)}`],
	])(
		'never takes %s from an update answer, and ends with one hook whose secret it holds',
		async (_case, answered) => {
			const workflow = await needingNewSecret();
			const { webhookId } = workflow.nodeStaticData();
			answerUpdateWith({
				id: webhookId,
				url: webhookUrlOf(workflow),
				events: ['linkedin.message.received'],
				active: true,
				secret: answered,
				message: 'Webhook updated successfully',
			});
			await activate(workflow).catch(() => undefined);
			expect(workflow.nodeStaticData().webhookSecret).not.toBe(answered);
			expectNoFalseSecret(workflow);
			await expectRepairedBy(() => activate(workflow), workflow);
		},
	);

	it('replaces the hook when an answer without the webhook cannot confirm a new secret', async () => {
		const workflow = await needingNewSecret();
		const [before] = rig.emulator.webhooks();
		answerUpdateWith({ message: 'Webhook updated successfully' });
		const start = mark();
		await expectRepairedBy(() => activate(workflow), workflow);
		expect(callsSince(rig, start)).toEqual([
			'GET /v1/webhooks/:id',
			'PUT /v1/webhooks/:id',
			'DELETE /v1/webhooks/:id',
			'POST /v1/webhooks',
		]);
		expect(remote(before.id)).toBeUndefined();
	});

	it('reads the hook again when the answer does not show the events, and fails if they were not applied', async () => {
		const staticData: IDataObject = {};
		await activate(triggerWorkflow(rig, { staticData }));
		const changed = triggerWorkflow(rig, { staticData, events: ['prospect.qualified'] });
		answerUpdateWith({ message: 'Webhook updated successfully' });
		const start = mark();
		const error = (await activate(changed).catch((caught: unknown) => caught)) as Error;
		expect(callsSince(rig, start)).toEqual([
			'GET /v1/webhooks/:id',
			'PUT /v1/webhooks/:id',
			'GET /v1/webhooks/:id',
		]);
		expect(error.message).toMatch(/^Kakiyo did not apply the update to webhook /);
		expect(changed.nodeStaticData().webhookEvents).toEqual(['linkedin.message.received']);
	});

	it('fails, storing nothing, when neither the answer nor reading the hook again shows the events', async () => {
		const staticData: IDataObject = {};
		await activate(triggerWorkflow(rig, { staticData }));
		const changed = triggerWorkflow(rig, { staticData, events: ['prospect.qualified'] });
		const [hook] = rig.emulator.webhooks();
		// Both reads of the hook describe it without its events; the update is answered with a message.
		rig.emulator.injectFault({
			method: 'GET',
			path: '/v1/webhooks/:id',
			status: 200,
			body: { id: hook.id, url: hook.url, active: true },
			count: 2,
		});
		answerUpdateWith({ message: 'Webhook updated successfully' });
		const start = mark();
		const error = (await activate(changed).catch(
			(caught: unknown) => caught,
		)) as NodeOperationError;
		expect(callsSince(rig, start)).toEqual([
			'GET /v1/webhooks/:id',
			'PUT /v1/webhooks/:id',
			'GET /v1/webhooks/:id',
		]);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe(`Kakiyo did not confirm the update to webhook ${hook.id}`);
		expect(error.description).toMatch(/shows its events/);
		expect(changed.nodeStaticData().webhookEvents).toEqual(['linkedin.message.received']);
	});

	it('accepts events confirmed by reading the hook again', async () => {
		const staticData: IDataObject = {};
		await activate(triggerWorkflow(rig, { staticData }));
		const changed = triggerWorkflow(rig, { staticData, events: ['prospect.qualified'] });
		const [hook] = rig.emulator.webhooks();
		// Kakiyo already has the new events, but the first read shows others, so the trigger updates;
		// the update is answered with a message only, and reading the hook again confirms the events.
		await kakiyo(rig, 'PUT', `/webhooks/${hook.id}`, { events: ['prospect.qualified'] });
		rig.emulator.injectFault({
			method: 'GET',
			path: '/v1/webhooks/:id',
			status: 200,
			body: {
				...(await kakiyo(rig, 'GET', `/webhooks/${hook.id}`)),
				events: ['campaign.completed'],
			},
		});
		answerUpdateWith({ message: 'Webhook updated successfully' });
		await activate(changed);
		expect(changed.nodeStaticData().webhookEvents).toEqual(['prospect.qualified']);
	});

	it('fails when the answer shows events other than the ones sent', async () => {
		const staticData: IDataObject = {};
		await activate(triggerWorkflow(rig, { staticData }));
		const [hook] = rig.emulator.webhooks();
		answerUpdateWith({ id: hook.id, events: ['linkedin.message.received'], active: true });
		const changed = triggerWorkflow(rig, { staticData, events: ['prospect.qualified'] });
		await expect(activate(changed)).rejects.toThrow(/did not apply the update/);
		expect(changed.nodeStaticData().webhookEvents).toEqual(['linkedin.message.received']);
	});

	it('gives a hook Kakiyo disabled a fresh secret, so refused deliveries are repaired', async () => {
		const workflow = triggerWorkflow(rig);
		await activate(workflow);
		rig.receiver.serve(workflow);
		// The held secret no longer matches Kakiyo's: every delivery is refused, and Kakiyo disables the hook.
		workflow.nodeStaticData().webhookSecret = 'a-secret-kakiyo-does-not-use';
		for (let delivery = 0; delivery < 4; delivery++) {
			await rig.emulator.emit('linkedin.message.received');
		}
		expect(rig.emulator.webhooks()[0].active).toBe(false);

		await expectRepairedBy(() => activate(workflow), workflow);
		const result = await rig.emulator.emit('linkedin.message.received');
		expect(result.deliveries[0]).toMatchObject({ delivered: true, status: 200 });
	});
});

describe('create refuses URLs the hosted Kakiyo API cannot call', () => {
	// Only create() runs: the refusal must come before any call to api.kakiyo.com.
	it.each([
		['http://localhost:5678/webhook', /localhost is a local or private address/],
		['http://192.168.1.20:5678/webhook', /192\.168\.1\.20 is a local or private address/],
		['http://n8n.example.com/webhook', /does not use HTTPS/],
	])('refuses %s', async (webhookBaseUrl, reason) => {
		const workflow = triggerWorkflow(rig, { baseUrl: 'https://api.kakiyo.com/v1', webhookBaseUrl });
		const error = (await hooks(workflow)
			.create()
			.catch((caught: unknown) => caught)) as NodeOperationError;
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toMatch(/^Kakiyo cannot reach this webhook URL: /);
		expect(error.message).toMatch(reason);
		expect(error.description).toMatch(/WEBHOOK_URL/);
		expect(error.description).toMatch(/tunnel/);
		expect(workflow.nodeStaticData()).toEqual({});
	});

	it('allows any URL when the credential points elsewhere, such as the emulator', async () => {
		const workflow = triggerWorkflow(rig);
		expect(webhookUrlOf(workflow)).toMatch(/^http:\/\/127\.0\.0\.1:/);
		await expect(activate(workflow)).resolves.toBeUndefined();
		expect(rig.emulator.webhooks()).toHaveLength(1);
	});
});

describe('checkExists', () => {
	it('keeps a healthy hook for one GET and changes nothing', async () => {
		const workflow = triggerWorkflow(rig);
		await activate(workflow);
		const stored = { ...workflow.nodeStaticData() };
		// What n8n saves to its database after activation when set (workflow-static-data.service).
		workflow.workflow.staticData.__dataChanged = false;
		const before = mark();
		await expect(hooks(workflow).checkExists()).resolves.toBe(true);
		expect(callsSince(rig, before)).toEqual(['GET /v1/webhooks/:id']);
		expect(workflow.nodeStaticData()).toEqual(stored);
		expect(workflow.workflow.staticData.__dataChanged).toBe(false);
	});

	it('writes the static data when only the options changed', async () => {
		const staticData: IDataObject = {};
		await activate(triggerWorkflow(rig, { staticData }));
		const changed = triggerWorkflow(rig, { staticData, options: { includeHeaders: true } });
		changed.workflow.staticData.__dataChanged = false;
		await expect(hooks(changed).checkExists()).resolves.toBe(true);
		expect(changed.nodeStaticData().webhookOptions).toEqual({
			includeHeaders: true,
			maxAgeSeconds: 0,
		});
		expect(changed.workflow.staticData.__dataChanged).toBe(true);
	});

	it('adopts its own hook by URL after static data is lost, with a fresh secret, and no second hook', async () => {
		const first = triggerWorkflow(rig);
		await activate(first);
		const [original] = rig.emulator.webhooks();

		const restored = triggerWorkflow(rig, { staticData: {} });
		const before = mark();
		await activate(restored);

		expect(callsSince(rig, before)).toEqual(['GET /v1/webhooks', 'PUT /v1/webhooks/:id']);
		const [hook] = rig.emulator.webhooks();
		expect(rig.emulator.webhooks()).toHaveLength(1);
		expect(hook.id).toBe(original.id);
		expect(hook.secret).not.toBe(original.secret);
		expect(restored.nodeStaticData()).toEqual({
			webhookId: original.id,
			webhookEvents: ['linkedin.message.received'],
			webhookSecret: hook.secret,
			webhookOptions: { includeHeaders: false, maxAgeSeconds: 0 },
			webhookStoredAt: expect.any(Number),
		});
	});

	it('recognises its URL however Kakiyo spells it (scheme case, trailing slash)', async () => {
		const workflow = triggerWorkflow(rig, { staticData: {} });
		const spelled = `${webhookUrlOf(workflow).replace('http://', 'HTTP://')}/`;
		const existing = await foreignHook(spelled, ['linkedin.message.received']);
		await activate(workflow);
		expect(rig.emulator.webhooks().map((hook) => hook.id)).toEqual([existing.id]);
	});

	it('trusts its stored id when Kakiyo does not report the URL', async () => {
		const workflow = triggerWorkflow(rig);
		await activate(workflow);
		const { webhookId, webhookEvents } = workflow.nodeStaticData();
		rig.emulator.injectFault({
			method: 'GET',
			path: '/v1/webhooks/:id',
			status: 200,
			body: { id: webhookId, events: webhookEvents, active: true },
		});
		const start = mark();
		await expect(hooks(workflow).checkExists()).resolves.toBe(true);
		expect(callsSince(rig, start)).toEqual(['GET /v1/webhooks/:id']);
		expect(workflow.nodeStaticData().webhookId).toBe(webhookId);
	});

	it('updates the events in place when the chosen events changed', async () => {
		const staticData: IDataObject = {};
		await activate(triggerWorkflow(rig, { staticData, events: ['linkedin.message.received'] }));
		const [before] = rig.emulator.webhooks();

		const changed = triggerWorkflow(rig, {
			staticData,
			events: ['prospect.qualified', 'linkedin.message.sent'],
		});
		const start = mark();
		await expect(hooks(changed).checkExists()).resolves.toBe(true);

		expect(callsSince(rig, start)).toEqual(['GET /v1/webhooks/:id', 'PUT /v1/webhooks/:id']);
		const [after] = rig.emulator.webhooks();
		expect(after).toMatchObject({
			id: before.id,
			events: ['linkedin.message.sent', 'prospect.qualified'],
			secret: before.secret,
		});
		expect(changed.nodeStaticData().webhookEvents).toEqual([
			'linkedin.message.sent',
			'prospect.qualified',
		]);
	});

	it('does not mistake a new order of the same events for a change', async () => {
		const staticData: IDataObject = {};
		await activate(
			triggerWorkflow(rig, { staticData, events: ['message.sent', 'campaign.completed'] }),
		);
		const reordered = triggerWorkflow(rig, {
			staticData,
			events: ['campaign.completed', 'message.sent', 'message.sent'],
		});
		const start = mark();
		await hooks(reordered).checkExists();
		expect(callsSince(rig, start)).toEqual(['GET /v1/webhooks/:id']);
	});

	it('re-enables a hook Kakiyo disabled after failed deliveries', async () => {
		// n8n is down: deliveries to this URL fail until Kakiyo disables the hook.
		const down = await new WebhookServer().start();
		try {
			const staticData: IDataObject = {};
			const workflow = triggerWorkflow(rig, { staticData, webhookBaseUrl: down.baseUrl });
			await activate(workflow);
			for (let delivery = 0; delivery < 4; delivery++) {
				await rig.emulator.emit('linkedin.message.received');
			}
			expect(rig.emulator.webhooks()[0]).toMatchObject({ active: false, failureCount: 4 });

			const start = mark();
			await expect(hooks(workflow).checkExists()).resolves.toBe(true);
			expect(callsSince(rig, start)).toEqual(['GET /v1/webhooks/:id', 'PUT /v1/webhooks/:id']);
			expect(rig.emulator.webhooks()[0]).toMatchObject({ active: true, failureCount: 0 });
		} finally {
			await down.close();
		}
	});

	it('gives the hook a new secret when the stored one is lost', async () => {
		const workflow = triggerWorkflow(rig);
		await activate(workflow);
		const [before] = rig.emulator.webhooks();
		delete workflow.nodeStaticData().webhookSecret;

		await expect(hooks(workflow).checkExists()).resolves.toBe(true);
		const [after] = rig.emulator.webhooks();
		expect(after.id).toBe(before.id);
		expect(after.secret).toMatch(/^[0-9a-f]{64}$/);
		expect(after.secret).not.toBe(before.secret);
		expect(workflow.nodeStaticData().webhookSecret).toBe(after.secret);
	});

	it('gives the hook a secret again when Kakiyo reports it has none', async () => {
		const workflow = triggerWorkflow(rig);
		await activate(workflow);
		const { webhookId } = workflow.nodeStaticData();
		await kakiyo(rig, 'PUT', `/webhooks/${String(webhookId)}`, { secret: '' });
		expect(remote(webhookId)?.secret).toBeUndefined();

		await hooks(workflow).checkExists();
		expect(remote(webhookId)?.secret).toBe(workflow.nodeStaticData().webhookSecret);
	});

	it('renames the hook when the custom name changed', async () => {
		const staticData: IDataObject = {};
		await activate(triggerWorkflow(rig, { staticData }));
		await hooks(
			triggerWorkflow(rig, { staticData, options: { webhookName: 'Inbox' } }),
		).checkExists();
		expect(rig.emulator.webhooks()[0].name).toBe('Inbox');
	});

	it('forgets a stored id Kakiyo no longer knows and reports nothing to keep', async () => {
		const workflow = await activatedWithHookGone();

		const start = mark();
		await expect(hooks(workflow).checkExists()).resolves.toBe(false);
		expect(callsSince(rig, start)).toEqual(['GET /v1/webhooks/:id', 'GET /v1/webhooks']);
		expect(workflow.nodeStaticData()).toEqual({});
	});

	it('rethrows errors other than 404 and keeps the stored state', async () => {
		const workflow = triggerWorkflow(rig);
		await activate(workflow);
		const stored = { ...workflow.nodeStaticData() };
		rig.emulator.injectFault({ method: 'GET', path: '/v1/webhooks/:id', status: 401, count: 1 });
		await expect(hooks(workflow).checkExists()).rejects.toThrow(/Kakiyo rejected the API key/);
		expect(workflow.nodeStaticData()).toEqual(stored);
	});

	it('reads a list with a null entry', async () => {
		const workflow = triggerWorkflow(rig, { staticData: {} });
		const existing = await foreignHook(webhookUrlOf(workflow), ['linkedin.message.received']);
		const { webhooks } = await kakiyo(rig, 'GET', '/webhooks');
		rig.emulator.injectFault({
			method: 'GET',
			path: '/v1/webhooks',
			status: 200,
			body: { webhooks: [null, ...(webhooks as object[])] },
		});
		await activate(workflow);
		expect(rig.emulator.webhooks().map((hook) => hook.id)).toEqual([existing.id]);
		expect(workflow.nodeStaticData().webhookId).toBe(existing.id);
	});

	it('rethrows a failing list instead of assuming there is no hook', async () => {
		rig.emulator.injectFault({ method: 'GET', path: '/v1/webhooks', status: 403 });
		await expect(hooks(triggerWorkflow(rig)).checkExists()).rejects.toBeInstanceOf(NodeApiError);
		expect(rig.emulator.webhooks()).toEqual([]);
	});

	it('registers anew when the hook vanishes between the GET and the update', async () => {
		const workflow = triggerWorkflow(rig);
		await activate(workflow);
		delete workflow.nodeStaticData().webhookSecret;
		rig.emulator.injectFault({ method: 'PUT', path: '/v1/webhooks/:id', status: 404 });
		await expect(hooks(workflow).checkExists()).resolves.toBe(false);
		expect(workflow.nodeStaticData()).toEqual({});
	});

	it('collapses several hooks with its URL into one, leaving hooks with other URLs alone', async () => {
		const workflow = triggerWorkflow(rig, { staticData: {} });
		const url = webhookUrlOf(workflow);
		const otherUrl = 'https://crm.example.com/kakiyo';
		await foreignHook(url, ['linkedin.message.sent']);
		const keeper = await foreignHook(url, ['linkedin.message.received']);
		await foreignHook(url, ['*']);
		const other = await foreignHook(otherUrl);
		const otherBefore = remote(other.id);

		const start = mark();
		await activate(workflow);

		const ours = rig.emulator.webhooks().filter((hook) => hook.url === url);
		expect(ours).toHaveLength(1);
		// The one already matching the events is kept; the extras are deleted, then one update.
		expect(ours[0].id).toBe(keeper.id);
		expect(callsSince(rig, start)).toEqual([
			'GET /v1/webhooks',
			'DELETE /v1/webhooks/:id',
			'DELETE /v1/webhooks/:id',
			'PUT /v1/webhooks/:id',
		]);
		expect(remote(other.id)).toEqual(otherBefore);
		expect(workflow.nodeStaticData()).toMatchObject({
			webhookId: keeper.id,
			webhookSecret: ours[0].secret,
		});
	});

	it('leaves a hook with another URL untouched even when its id is in static data', async () => {
		// Static data copied along with a duplicated workflow still names the original's hook.
		const original = triggerWorkflow(rig, { webhookId: 'b0000000-0000-4000-8000-00000000000b' });
		await activate(original);
		const theirs = rig.emulator.webhooks()[0];

		const copy = triggerWorkflow(rig, { staticData: {} });
		Object.assign(copy.nodeStaticData(), original.nodeStaticData());
		await activate(copy);

		expect(remote(theirs.id)).toEqual(theirs);
		const mine = rig.emulator.webhooks().filter((hook) => hook.url === webhookUrlOf(copy));
		expect(mine).toHaveLength(1);
		expect(copy.nodeStaticData().webhookId).toBe(mine[0].id);
		expect(copy.nodeStaticData().webhookSecret).toBe(mine[0].secret);
	});

	it('never leaves two hooks across repeated activations, restarts and lost state', async () => {
		const staticData: IDataObject = {};
		const workflow = triggerWorkflow(rig, { staticData });
		await activate(workflow);
		await activate(workflow);
		await activate(triggerWorkflow(rig, { staticData: {} }));
		await activate(triggerWorkflow(rig, { staticData: {} }));
		expect(rig.emulator.webhooks()).toHaveLength(1);
	});
});

describe('activations at the same moment in one n8n process', () => {
	/** Two copies of one workflow, as n8n loads them from the database, sharing the process's node type. */
	function copiesOf(
		nodeType = new KakiyoTrigger({ retry: FAST_RETRY }),
		staticData: IDataObject = {},
	) {
		return [0, 1].map(() =>
			triggerWorkflow(rig, {
				nodeType,
				staticData: JSON.parse(JSON.stringify(staticData)) as IDataObject,
			}),
		);
	}

	/** The workflow activated once in this process: its node type, its static data and its hook. */
	async function activatedOnce() {
		const nodeType = new KakiyoTrigger({ retry: FAST_RETRY });
		const staticData: IDataObject = {};
		await activate(triggerWorkflow(rig, { nodeType, staticData }));
		return { nodeType, staticData, hook: rig.emulator.webhooks()[0] };
	}

	/** One hook for the URL, and every copy holds its id and its secret. */
	function expectOneSharedHook(...copies: ReturnType<typeof triggerWorkflow>[]) {
		const mine = rig.emulator.webhooks().filter((hook) => hook.url === webhookUrlOf(copies[0]));
		expect(mine).toHaveLength(1);
		for (const copy of copies) {
			expect(copy.nodeStaticData()).toMatchObject({
				webhookId: mine[0].id,
				webhookSecret: mine[0].secret,
			});
		}
	}

	it('register one hook', async () => {
		const [first, second] = copiesOf();
		await Promise.all([activate(first), activate(second)]);
		expectOneSharedHook(first, second);
	});

	it('agree on one secret when adopting a hook after static data was lost', async () => {
		await activate(triggerWorkflow(rig));
		const [first, second] = copiesOf();
		await Promise.all([activate(first), activate(second)]);
		expectOneSharedHook(first, second);
	});

	it('agree on the new secret when the first one gives the hook one', async () => {
		const { nodeType, staticData, hook } = await activatedOnce();
		// The secret is removed in the dashboard; both copies were loaded holding the old one.
		await kakiyo(rig, 'PUT', `/webhooks/${hook.id}`, { secret: '' });
		const copies = copiesOf(nodeType, staticData);
		await Promise.all(copies.map(async (copy) => await activate(copy)));
		expectOneSharedHook(...copies);
	});

	it('agree that the hook is gone when the first one replaced it', async () => {
		const { nodeType, staticData, hook } = await activatedOnce();
		await kakiyo(rig, 'DELETE', `/webhooks/${hook.id}`);
		const copies = copiesOf(nodeType, staticData);
		await Promise.all(copies.map(async (copy) => await activate(copy)));
		expectOneSharedHook(...copies);
	});

	it('take static data stored later by another process over their own memory', async () => {
		const { nodeType, staticData } = await activatedOnce();
		const node = staticData['node:Kakiyo Trigger'] as IDataObject;
		// Another main gave the hook a new secret and stored it, later.
		await kakiyo(rig, 'PUT', `/webhooks/${String(node.webhookId)}`, {
			secret: 'from-another-main',
		});
		const later = {
			'node:Kakiyo Trigger': {
				...node,
				webhookSecret: 'from-another-main',
				webhookStoredAt: Number(node.webhookStoredAt) + 1000,
			},
		};
		const copy = triggerWorkflow(rig, { nodeType, staticData: later });
		const start = mark();
		await activate(copy);
		expect(callsSince(rig, start)).toEqual(['GET /v1/webhooks/:id']);
		expect(copy.nodeStaticData().webhookSecret).toBe('from-another-main');
	});

	it('leave no hook when a deactivation follows at once', async () => {
		const [first, second] = copiesOf();
		await Promise.all([activate(first), activate(second)]);
		await hooks(first).delete();
		await hooks(second).delete();
		expect(rig.emulator.webhooks()).toEqual([]);
	});
});

describe('delete', () => {
	it('deletes the stored hook, seen in the list with its URL, and clears the static data', async () => {
		const workflow = triggerWorkflow(rig);
		await activate(workflow);
		const start = mark();
		await expect(hooks(workflow).delete()).resolves.toBe(true);
		expect(callsSince(rig, start)).toEqual(['GET /v1/webhooks', 'DELETE /v1/webhooks/:id']);
		expect(rig.emulator.webhooks()).toEqual([]);
		expect(workflow.nodeStaticData()).toEqual({});
	});

	it('is safe to run twice', async () => {
		const workflow = triggerWorkflow(rig);
		await activate(workflow);
		const other = await foreignHook('https://crm.example.com/kakiyo');
		await hooks(workflow).delete();
		await expect(hooks(workflow).delete()).resolves.toBe(true);
		expect(rig.emulator.webhooks().map((hook) => hook.id)).toEqual([other.id]);
	});

	it('finds its hooks by URL when static data is lost, and deletes nothing else', async () => {
		const workflow = triggerWorkflow(rig);
		await activate(workflow);
		const other = await foreignHook('https://crm.example.com/kakiyo');
		const lost = triggerWorkflow(rig, { staticData: {} });
		const start = mark();
		await hooks(lost).delete();
		expect(callsSince(rig, start)).toEqual(['GET /v1/webhooks', 'DELETE /v1/webhooks/:id']);
		expect(rig.emulator.webhooks().map((hook) => hook.id)).toEqual([other.id]);
	});

	describe("with a copied workflow's static data, naming the original's hook", () => {
		/** The original activated, and the static data n8n saved for it, as a copy of the workflow carries it. */
		async function originalAndCopiedData() {
			const original = triggerWorkflow(rig, { webhookId: 'b0000000-0000-4000-8000-00000000000b' });
			await activate(original);
			const copied = () => ({
				'node:Kakiyo Trigger': JSON.parse(JSON.stringify(original.nodeStaticData())) as IDataObject,
			});
			return { theirs: rig.emulator.webhooks()[0], copied };
		}

		it('leaves that hook alone when activation fails after finding it is not its own', async () => {
			const { theirs, copied } = await originalAndCopiedData();
			const nodeType = new KakiyoTrigger({ retry: FAST_RETRY });
			const copy = triggerWorkflow(rig, { nodeType, staticData: copied() });
			// The stored id shows another URL; the list that would look for the copy's own hook fails.
			rig.emulator.injectFault({ method: 'GET', path: '/v1/webhooks', status: 403 });
			await expect(activate(copy)).rejects.toBeInstanceOf(NodeApiError);
			// Forgotten at once, not only once the list answered.
			expect(copy.nodeStaticData()).not.toHaveProperty('webhookId');

			// n8n's addWebhooks then calls clearWebhooks, which builds the workflow again from the
			// database (still holding the copied id) and calls delete().
			const fromDatabase = triggerWorkflow(rig, { nodeType, staticData: copied() });
			await expect(hooks(fromDatabase).delete()).resolves.toBe(true);
			expect(remote(theirs.id)).toEqual(theirs);
		});

		it('never deletes it, even in a process that never looked at it before', async () => {
			const { theirs, copied } = await originalAndCopiedData();
			const copy = triggerWorkflow(rig, { staticData: copied() });
			await expect(hooks(copy).delete()).resolves.toBe(true);
			expect(remote(theirs.id)).toEqual(theirs);
			expect(copy.nodeStaticData()).toEqual({});
			expect(copy.logs).toContainEqual(
				expect.objectContaining({
					level: 'warn',
					message: expect.stringContaining(
						`Kakiyo webhook ${String(theirs.id)} delivers to another URL`,
					),
				}),
			);
		});
	});

	it.each([
		['an HTML page', { status: 404, malformed: true }],
		[
			"a JSON answer without Kakiyo's code",
			{ status: 404, body: { code: 404, message: 'Not found' } },
		],
	])(
		'does not count a 404 that is %s as deleted, keeping the state so that n8n can retry',
		async (_case, fault) => {
			const workflow = triggerWorkflow(rig);
			await activate(workflow);
			const stored = { ...workflow.nodeStaticData() };
			rig.emulator.injectFault({ method: 'DELETE', path: '/v1/webhooks/:id', ...fault });
			await expect(hooks(workflow).delete()).rejects.toThrow(/could not find webhook/);
			expect(workflow.nodeStaticData()).toEqual(stored);
			expect(rig.emulator.webhooks()).toHaveLength(1);
		},
	);

	it('does not take a base URL where every route is not_found for a deleted hook', async () => {
		const staticData: IDataObject = {};
		await activate(triggerWorkflow(rig, { staticData }));
		const stored = { ...staticData };
		// The credential now points at a path the API does not serve: every call is 404 not_found.
		const wrongBase = triggerWorkflow(rig, {
			staticData,
			baseUrl: rig.emulator.baseUrl.replace(/\/v1$/, '/v2'),
		});
		await expect(hooks(wrongBase).delete()).rejects.toThrow(/could not find the webhooks endpoint/);
		expect(staticData).toEqual(stored);
		expect(rig.emulator.webhooks()).toHaveLength(1);
	});

	it('keeps its state on activation too when the not_found cannot be confirmed', async () => {
		const staticData: IDataObject = {};
		await activate(triggerWorkflow(rig, { staticData }));
		const stored = JSON.parse(JSON.stringify(staticData)) as IDataObject;
		const wrongBase = triggerWorkflow(rig, {
			staticData,
			baseUrl: rig.emulator.baseUrl.replace(/\/v1$/, '/v2'),
		});
		await expect(activate(wrongBase)).rejects.toThrow(/could not find the webhooks endpoint/);
		expect(staticData).toEqual(stored);
	});

	it.each([
		['an empty object', {}],
		['a message only', { message: 'Webhook updated successfully' }],
	])(
		'reads the hook again when the deletion is answered with %s, and fails while it is still there',
		async (_case, body) => {
			const workflow = triggerWorkflow(rig);
			await activate(workflow);
			const stored = { ...workflow.nodeStaticData() };
			rig.emulator.injectFault({ method: 'DELETE', path: '/v1/webhooks/:id', status: 200, body });
			const start = mark();
			await expect(hooks(workflow).delete()).rejects.toThrow(/^Kakiyo did not delete webhook /);
			expect(callsSince(rig, start)).toEqual([
				'GET /v1/webhooks',
				'DELETE /v1/webhooks/:id',
				'GET /v1/webhooks/:id',
			]);
			expect(workflow.nodeStaticData()).toEqual(stored);
			await expect(hooks(workflow).delete()).resolves.toBe(true);
			expect(rig.emulator.webhooks()).toEqual([]);
		},
	);

	it('counts a stored hook the list no longer shows as deleted', async () => {
		const workflow = await activatedWithHookGone();
		const start = mark();
		await expect(hooks(workflow).delete()).resolves.toBe(true);
		expect(callsSince(rig, start)).toEqual(['GET /v1/webhooks']);
		expect(workflow.nodeStaticData()).toEqual({});
	});

	it("counts Kakiyo's not_found for a listed hook as done: it was deleted meanwhile", async () => {
		const workflow = triggerWorkflow(rig);
		await activate(workflow);
		const listed = await kakiyo(rig, 'GET', '/webhooks');
		await kakiyo(rig, 'DELETE', `/webhooks/${String(workflow.nodeStaticData().webhookId)}`);
		rig.emulator.injectFault({ method: 'GET', path: '/v1/webhooks', status: 200, body: listed });
		const start = mark();
		await expect(hooks(workflow).delete()).resolves.toBe(true);
		expect(callsSince(rig, start)).toEqual(['GET /v1/webhooks', 'DELETE /v1/webhooks/:id']);
		expect(workflow.nodeStaticData()).toEqual({});
	});

	it('leaves no hook for its URL: a duplicate beside the stored one goes too, nothing else', async () => {
		const workflow = triggerWorkflow(rig);
		await activate(workflow);
		// Registered by another n8n main at the same moment, or by a POST whose answer was lost.
		await foreignHook(webhookUrlOf(workflow), ['linkedin.message.received']);
		const other = await foreignHook('https://crm.example.com/kakiyo');
		const start = mark();
		await expect(hooks(workflow).delete()).resolves.toBe(true);
		expect(callsSince(rig, start)).toEqual([
			'GET /v1/webhooks',
			'DELETE /v1/webhooks/:id',
			'DELETE /v1/webhooks/:id',
		]);
		expect(rig.emulator.webhooks().map((hook) => hook.id)).toEqual([other.id]);
	});

	it('throws on other errors, keeping the state so that n8n can retry', async () => {
		const workflow = triggerWorkflow(rig);
		await activate(workflow);
		const stored = { ...workflow.nodeStaticData() };
		rig.emulator.injectFault({ method: 'DELETE', path: '/v1/webhooks/:id', status: 500, count: 4 });
		const error = await hooks(workflow)
			.delete()
			.catch((caught: unknown) => caught);
		expect(error).toBeInstanceOf(NodeApiError);
		expect((error as Error).message).toMatch(/server error \(500\).*gave up after 4 attempts/);
		expect(workflow.nodeStaticData()).toEqual(stored);
		expect(rig.emulator.webhooks()).toHaveLength(1);

		await expect(hooks(workflow).delete()).resolves.toBe(true);
		expect(rig.emulator.webhooks()).toEqual([]);
	});
});
