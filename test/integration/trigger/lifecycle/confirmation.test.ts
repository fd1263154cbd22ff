import { NodeOperationError, type IDataObject } from 'n8n-workflow';
import { activate, callsSince, kakiyo, triggerWorkflow, webhookUrlOf, useRig } from '../rig';
import { lifecycleKit } from './lifecycleKit';

/** What the trigger stores after an update: only what Kakiyo's answer, or a second read, confirms. */

const rig = useRig();
const { mark, remote } = lifecycleKit(rig);

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
