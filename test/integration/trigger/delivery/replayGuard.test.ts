import type { IDataObject } from 'n8n-workflow';
import { activate, triggerWorkflow, useRig } from '../rig';
import { deliveryKit } from './deliveryKit';

/** The replay guard (Max Event Age): stale, future and unreadable timestamps start nothing. */

const rig = useRig();
const { listening, executions, onlyItem, fresh } = deliveryKit(rig);

describe('replay guard', () => {
	const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

	it('is on by default: an old delivery starts nothing', async () => {
		await listening();
		await rig.emulator.emit(
			'linkedin.message.received',
			fresh('linkedin.message.received', { timestamp: minutesAgo(600) }),
		);
		expect(rig.receiver.calls[0].body).toBe('{"status":"ignored","reason":"timestamp_stale"}');
		expect(executions()).toHaveLength(0);
	});

	it('runs a fresh delivery', async () => {
		await listening({ options: { maxAgeSeconds: 300 } });
		await rig.emulator.emit('linkedin.message.received');
		expect(executions()).toHaveLength(1);
	});

	it.each([
		['older than the window', { timestamp: minutesAgo(10) }, 'timestamp_stale'],
		['too far in the future', { timestamp: minutesAgo(-10) }, 'timestamp_future'],
		['without a timestamp', { timestamp: undefined }, 'timestamp_missing'],
		['with an unreadable timestamp', { timestamp: 'yesterday' }, 'timestamp_missing'],
	])(
		'acknowledges a delivery %s without running, so Kakiyo does not retry',
		async (_case, extra, reason) => {
			await listening({ options: { maxAgeSeconds: 300 } });
			const result = await rig.emulator.emit(
				'linkedin.message.received',
				fresh('linkedin.message.received', extra),
			);
			expect(result.deliveries[0]).toMatchObject({ delivered: true, attempts: 1, status: 200 });
			expect(rig.receiver.calls[0].body).toBe(JSON.stringify({ status: 'ignored', reason }));
			expect(executions()).toHaveLength(0);
		},
	);

	it('reads epoch seconds sent as text', async () => {
		await listening({ options: { maxAgeSeconds: 300 } });
		const timestamp = String(Math.floor(Date.now() / 1000));
		await rig.emulator.emit(
			'linkedin.message.received',
			fresh('linkedin.message.received', { timestamp }),
		);
		expect(onlyItem().timestamp).toBe(timestamp);
	});

	it('takes a Max Event Age that an expression gives as text holding a number', async () => {
		await listening({ options: { maxAgeSeconds: '={{ "300" }}' } });
		await rig.emulator.emit(
			'linkedin.message.received',
			fresh('linkedin.message.received', { timestamp: minutesAgo(10) }),
		);
		expect(rig.receiver.calls[0].body).toBe('{"status":"ignored","reason":"timestamp_stale"}');
		expect(executions()).toHaveLength(0);
	});

	it('refuses to activate with a Max Event Age that is not a number of seconds', async () => {
		const workflow = triggerWorkflow(rig, { options: { maxAgeSeconds: '={{ "five minutes" }}' } });
		const error = (await activate(workflow).catch((caught: unknown) => caught)) as Error;
		expect(error.message).toBe('Max Event Age must be a number of seconds from 0 to 86400');
		expect(rig.emulator.webhooks()).toEqual([]);
	});

	it('refuses deliveries, rather than turn the guard off, when Max Event Age read per delivery becomes text', async () => {
		// Activated by an earlier version, which stored no options: they are read per delivery.
		const workflow = await listening({ options: { maxAgeSeconds: 300 } });
		delete workflow.nodeStaticData().webhookOptions;
		(workflow.node.parameters.options as IDataObject).maxAgeSeconds = '={{ "five minutes" }}';
		const result = await rig.emulator.emit(
			'linkedin.message.received',
			fresh('linkedin.message.received', { timestamp: minutesAgo(600) }),
		);
		expect(result.deliveries[0]).toMatchObject({ delivered: false, status: 500 });
		expect(JSON.parse(rig.receiver.calls[0].body)).toEqual({
			error: 'misconfigured',
			message: 'The Max Event Age of this trigger is not a number of seconds',
		});
		expect(executions()).toHaveLength(0);
	});

	it('tolerates clock skew within the window', async () => {
		await listening({ options: { maxAgeSeconds: 300 } });
		await rig.emulator.emit(
			'linkedin.message.received',
			fresh('linkedin.message.received', { timestamp: minutesAgo(-2) }),
		);
		expect(executions()).toHaveLength(1);
	});
});
