import { NodeApiError, type IDataObject } from 'n8n-workflow';
import { KakiyoTrigger } from '../../../../nodes/KakiyoTrigger/KakiyoTrigger.node';
import { FAST_RETRY } from '../../../support/fastRetry';
import { activate, callsSince, hooks, kakiyo, triggerWorkflow, webhookUrlOf, useRig } from '../rig';
import { lifecycleKit } from './lifecycleKit';

/** n8n's `delete`: removing the trigger's webhooks on deactivation, and only those. */

const rig = useRig();
const { mark, remote, activatedWithHookGone, foreignHook } = lifecycleKit(rig);

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
