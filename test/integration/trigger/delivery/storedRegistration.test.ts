import { WebhookContext } from 'n8n-core';
import { activate, triggerWorkflow, useRig } from '../rig';
import { deliveryKit } from './deliveryKit';

/** What a delivery is judged by: the events, secret and options stored on activation. */

const rig = useRig();
const { listening, executions, onlyItem, fresh } = deliveryKit(rig);

describe('what a delivery is judged by is read from the static data stored on activation', () => {
	const stale = () =>
		fresh('linkedin.message.received', {
			timestamp: new Date(Date.now() - 600 * 60_000).toISOString(),
		});

	it('stores the options beside the events, in test listening too', async () => {
		const options = { includeHeaders: true, maxAgeSeconds: '={{ 60 * 5 }}' };
		const production = await listening({ options });
		const test = triggerWorkflow(rig, {
			options,
			webhookId: 'd0000000-0000-4000-8000-00000000000d',
		});
		await activate(test, 'manual');
		for (const workflow of [production, test]) {
			expect(workflow.nodeStaticData().webhookOptions).toEqual({
				includeHeaders: true,
				maxAgeSeconds: 300,
			});
		}
	});

	it('keeps the options of the activation until the next one, as it keeps the events', async () => {
		const workflow = await listening({ options: { includeHeaders: true, maxAgeSeconds: 300 } });
		// Changed in the editor, not activated again.
		workflow.node.parameters.options = { includeHeaders: false, maxAgeSeconds: 0 };
		await rig.emulator.emit('linkedin.message.received', stale());
		expect(rig.receiver.calls[0].body).toBe('{"status":"ignored","reason":"timestamp_stale"}');
		await rig.emulator.emit('linkedin.message.received');
		expect(onlyItem()).toHaveProperty('headers');
	});

	it('reads no node parameter and the static data once per delivery', async () => {
		await listening({ options: { includeHeaders: true, maxAgeSeconds: '={{ 300 }}' } });
		const parameters = jest.spyOn(WebhookContext.prototype, 'getNodeParameter');
		const staticData = jest.spyOn(WebhookContext.prototype, 'getWorkflowStaticData');
		try {
			await rig.emulator.emit('linkedin.message.received');
			expect(executions()).toHaveLength(1);
			expect(parameters).not.toHaveBeenCalled();
			expect(staticData).toHaveBeenCalledTimes(1);
		} finally {
			parameters.mockRestore();
			staticData.mockRestore();
		}
	});

	it('reads the options from the parameters when the activation stored none (an earlier version)', async () => {
		const workflow = await listening({ options: { includeHeaders: true, maxAgeSeconds: 300 } });
		delete workflow.nodeStaticData().webhookOptions;
		await rig.emulator.emit('linkedin.message.received', stale());
		expect(rig.receiver.calls[0].body).toBe('{"status":"ignored","reason":"timestamp_stale"}');
		await rig.emulator.emit('linkedin.message.received');
		expect(onlyItem()).toHaveProperty('headers');
	});

	it('refuses a delivery when no events are stored beside the secret, as when no secret is', async () => {
		const workflow = await listening();
		delete workflow.nodeStaticData().webhookEvents;
		const result = await rig.emulator.emit('linkedin.message.received');
		expect(result.deliveries[0]).toMatchObject({ delivered: false, status: 401 });
		expect(executions()).toHaveLength(0);
		expect(workflow.logs).toContainEqual(
			expect.objectContaining({
				level: 'warn',
				meta: expect.objectContaining({ reasons: { missing_secret: 1 } }),
			}),
		);
	});
});
