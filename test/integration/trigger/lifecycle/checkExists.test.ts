import { NodeApiError, type IDataObject } from 'n8n-workflow';
import { WebhookServer } from '../../../support/webhookServer';
import { activate, callsSince, hooks, kakiyo, triggerWorkflow, webhookUrlOf, useRig } from '../rig';
import { lifecycleKit } from './lifecycleKit';

/** n8n's `checkExists`: finding, adopting and repairing the trigger's webhook on every activation. */

const rig = useRig();
const { mark, remote, activatedWithHookGone, foreignHook } = lifecycleKit(rig);

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
			maxAgeSeconds: 300,
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
			webhookOptions: { includeHeaders: false, maxAgeSeconds: 300 },
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
