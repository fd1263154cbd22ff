import { WebhookContext } from 'n8n-core';
import type { IDataObject } from 'n8n-workflow';
import { KakiyoTrigger } from '../../../nodes/KakiyoTrigger/KakiyoTrigger.node';
import { FAST_RETRY } from '../../support/fastRetry';
import { multipartForm } from '../../support/multipartForm';
import type { TestWorkflow } from '../../support/n8nRuntime';
import { kakiyoSignature } from '../../support/signature';
import {
	activate,
	post,
	startRig,
	triggerWorkflow,
	webhookUrlOf,
	useRig,
	type TriggerSetup,
} from './rig';

/**
 * End to end in one process: the emulator registers, signs and delivers like Kakiyo, the
 * WebhookServer receives like n8n, and the trigger's webhook() decides in a real WebhookContext.
 */

const rig = useRig();

async function listening(setup: TriggerSetup = {}): Promise<TestWorkflow> {
	const workflow = triggerWorkflow(rig, setup);
	await activate(workflow);
	rig.receiver.serve(workflow);
	return workflow;
}

const secretOf = (workflow: TestWorkflow) => workflow.nodeStaticData().webhookSecret as string;
const executions = () => rig.receiver.executions();
const onlyItem = () => {
	expect(executions()).toHaveLength(1);
	const [[items]] = executions();
	expect(items).toHaveLength(1);
	return items[0].json;
};

const fresh = (event: string, extra: IDataObject = {}) => ({
	event,
	teamId: 'team_1',
	timestamp: new Date().toISOString(),
	data: { message: 'Hi there', prospectId: 'prospect_1' },
	...extra,
});

describe('a delivery signed by Kakiyo', () => {
	it('starts exactly one execution with the payload as sent, answered on receipt', async () => {
		const workflow = await listening();
		const result = await rig.emulator.emit('linkedin.message.received');

		expect(result.deliveries).toEqual([expect.objectContaining({ delivered: true, attempts: 1 })]);
		const [attempt] = rig.emulator.deliveries();
		expect(attempt.headers['X-Kakiyo-Signature']).toMatch(/^sha256=[0-9a-f]{64}$/);
		const item = onlyItem();
		expect(item).toEqual(JSON.parse(attempt.body));
		expect(item.data).toEqual(expect.objectContaining({ message: expect.any(String) }));
		expect(rig.receiver.calls[0]).toMatchObject({ status: 200, body: '{"status":"received"}' });
		expect(JSON.stringify(item)).not.toContain(secretOf(workflow));
	});

	it('accepts a bare hex signature', async () => {
		const bare = await startRig({ signatureFormat: 'bare' });
		try {
			const workflow = triggerWorkflow(bare);
			await activate(workflow);
			bare.receiver.serve(workflow);
			await bare.emulator.emit('linkedin.message.received');
			expect(bare.emulator.deliveries()[0].headers['X-Kakiyo-Signature']).toMatch(/^[0-9a-f]{64}$/);
			expect(bare.receiver.executions()).toHaveLength(1);
		} finally {
			await bare.close();
		}
	});

	it('keeps unicode and whitespace exactly as sent', async () => {
		const workflow = await listening();
		const raw =
			'{ "event" : "linkedin.message.received",\n\t"data": {"message": "Gr\\u00fc\u00dfe \u2014 \ud83d\ude80  "} }';
		const answer = await post(webhookUrlOf(workflow), raw, {
			'x-kakiyo-signature': kakiyoSignature(secretOf(workflow), Buffer.from(raw, 'utf8')),
		});
		expect(answer.status).toBe(200);
		expect(onlyItem()).toEqual({
			event: 'linkedin.message.received',
			data: { message: 'Grü\u00dfe — 🚀  ' },
		});
	});

	it('keeps a payload with its own "json", "binary" and "pairedItem" fields as it is', async () => {
		await listening();
		const payload = fresh('linkedin.message.received', {
			json: { injected: true },
			binary: { data: { data: 'aGk=', mimeType: 'text/plain' } },
			pairedItem: { item: 7 },
		});
		await rig.emulator.emit('linkedin.message.received', payload);
		const [[items]] = executions();
		expect(items).toEqual([{ json: payload }]);
	});

	it.each([1, 2])(
		'is verified over its bytes whatever its content type, with the trigger at version %s',
		async (typeVersion) => {
			// From version 2 on, n8n leaves a body of a type it does not parse unread: the trigger reads it.
			const workflow = await listening({ typeVersion });
			const raw = JSON.stringify(fresh('linkedin.message.received'));
			const answer = await post(webhookUrlOf(workflow), raw, {
				'content-type': 'application/octet-stream',
				'x-kakiyo-signature': kakiyoSignature(secretOf(workflow), raw),
			});
			expect(answer.status).toBe(200);
			expect(onlyItem()).toEqual(JSON.parse(raw));
		},
	);

	it('is filtered by the events stored on activation, which are the ones Kakiyo sends', async () => {
		const workflow = await listening({ events: ['linkedin.message.received'] });
		// Changed in the editor but not activated again: Kakiyo still sends the registered events.
		workflow.node.parameters.events = ['campaign.completed'];
		await rig.emulator.emit('linkedin.message.received');
		expect(onlyItem().event).toBe('linkedin.message.received');
	});

	it('runs for any event when "All Events" is chosen', async () => {
		await listening({ events: ['*'] });
		await rig.emulator.emit('campaign.completed');
		expect(onlyItem().event).toBe('campaign.completed');
	});
});

describe('refused deliveries answer 401 and start nothing', () => {
	let workflow: TestWorkflow;
	const body = JSON.stringify(fresh('linkedin.message.received'));
	beforeEach(async () => {
		workflow = await listening();
	});

	it.each([
		['no signature header', () => ({})],
		['an empty signature header', () => ({ 'x-kakiyo-signature': '' })],
		[
			'a signature made with another secret',
			() => ({ 'x-kakiyo-signature': kakiyoSignature('forged', body) }),
		],
		['a malformed signature header', () => ({ 'x-kakiyo-signature': 'sha256=not-hex' })],
		[
			'a signature of other bytes (tampered body)',
			() => ({
				'x-kakiyo-signature': kakiyoSignature(
					secretOf(workflow),
					body.replace('Hi there', 'Pay now'),
				),
			}),
		],
		[
			'a signature over re-serialised JSON',
			() => ({
				'x-kakiyo-signature': kakiyoSignature(
					secretOf(workflow),
					JSON.stringify(JSON.parse(body), null, 1),
				),
			}),
		],
	])('%s', async (_case, headers) => {
		const answer = await post(webhookUrlOf(workflow), body, headers());
		expect(answer.status).toBe(401);
		expect(JSON.parse(answer.body)).toEqual({
			error: 'unauthorized',
			message: 'Missing or invalid X-Kakiyo-Signature',
		});
		expect(executions()).toHaveLength(0);
	});

	it('when no secret is stored, even for a correctly signed body', async () => {
		const secret = secretOf(workflow);
		delete workflow.nodeStaticData().webhookSecret;
		const answer = await post(webhookUrlOf(workflow), body, {
			'x-kakiyo-signature': kakiyoSignature(secret, body),
		});
		expect(answer.status).toBe(401);
		expect(executions()).toHaveLength(0);
	});

	it('before looking at the body or the event', async () => {
		const notJson = await post(webhookUrlOf(workflow), 'not json', {
			'content-type': 'text/plain',
			'x-kakiyo-signature': kakiyoSignature('forged', 'not json'),
		});
		const unchosen = JSON.stringify(fresh('campaign.completed'));
		const otherEvent = await post(webhookUrlOf(workflow), unchosen, {
			'x-kakiyo-signature': kakiyoSignature('forged', unchosen),
		});
		expect([notJson.status, otherEvent.status]).toEqual([401, 401]);
	});

	it('when a Kakiyo hook was registered with another secret, as Kakiyo sees it', async () => {
		workflow.nodeStaticData().webhookSecret = 'a-secret-kakiyo-does-not-use';
		const result = await rig.emulator.emit('linkedin.message.received');
		// Kakiyo retried and counted the failed delivery.
		expect(result.deliveries[0]).toMatchObject({ delivered: false, attempts: 4, status: 401 });
		expect(executions()).toHaveLength(0);
	});
});

describe('a request whose body n8n already read, or cannot read, is refused 401 and starts nothing', () => {
	const form = multipartForm({ event: 'linkedin.message.received' });

	/** Refused with 401, no execution (not even a failed one) and the reason in the refusal log. */
	function expectRefusedUnread(workflow: TestWorkflow, answer: { status: number; body: string }) {
		expect(answer.status).toBe(401);
		expect(JSON.parse(answer.body)).toEqual({
			error: 'unauthorized',
			message: 'Missing or invalid X-Kakiyo-Signature',
		});
		expect(rig.receiver.calls.map((call) => call.error)).toEqual([undefined]);
		expect(executions()).toHaveLength(0);
		expect(workflow.logs).toContainEqual(
			expect.objectContaining({
				level: 'warn',
				meta: expect.objectContaining({ reasons: { missing_body: 1 } }),
			}),
		);
	}

	it.each([1, 2])(
		'a multipart form, which n8n parses from the stream, with the trigger at version %s',
		async (typeVersion) => {
			const workflow = await listening({ typeVersion });
			const answer = await post(webhookUrlOf(workflow), form.body, {
				'content-type': form.contentType,
				// Signed over the bytes sent: still nothing the trigger can verify, as it cannot read them.
				'x-kakiyo-signature': kakiyoSignature(secretOf(workflow), form.body),
			});
			expectRefusedUnread(workflow, answer);
		},
	);

	it("a body over n8n's payload size limit, in a content type n8n leaves unread", async () => {
		const workflow = await listening({ typeVersion: 2 });
		const raw = JSON.stringify(fresh('linkedin.message.received', { padding: 'x'.repeat(4096) }));
		rig.receiver.payloadSizeMax = 1024;
		try {
			const answer = await post(webhookUrlOf(workflow), raw, {
				'content-type': 'application/octet-stream',
				'x-kakiyo-signature': kakiyoSignature(secretOf(workflow), raw),
			});
			expectRefusedUnread(workflow, answer);
		} finally {
			rig.receiver.payloadSizeMax = Infinity;
		}
	});

	it('a body that claims gzip but does not inflate', async () => {
		const workflow = await listening({ typeVersion: 2 });
		const raw = 'not gzip at all';
		const answer = await post(webhookUrlOf(workflow), raw, {
			'content-type': 'application/octet-stream',
			'content-encoding': 'gzip',
			'x-kakiyo-signature': kakiyoSignature(secretOf(workflow), raw),
		});
		expectRefusedUnread(workflow, answer);
	});
});

describe('a flood of forged deliveries', () => {
	const forged = JSON.stringify(fresh('linkedin.message.received'));
	const flood = async (workflow: TestWorkflow, count: number) => {
		for (let sent = 0; sent < count; sent++) {
			const answer = await post(webhookUrlOf(workflow), forged, {
				'x-kakiyo-signature': kakiyoSignature('forged', forged),
			});
			expect(answer.status).toBe(401);
		}
	};
	const warnings = (workflow: TestWorkflow) =>
		workflow.logs.filter((line) => line.level === 'warn');

	it('writes the first warning at once, then at most one a minute with the count since the last', async () => {
		let now = Date.parse('2025-07-15T10:30:00Z');
		const nodeType = new KakiyoTrigger({ retry: FAST_RETRY, now: () => now });
		const workflow = await listening({ nodeType });

		await flood(workflow, 300);
		expect(warnings(workflow)).toHaveLength(1);
		expect(warnings(workflow)[0].message).toMatch(
			/^Kakiyo Trigger refused a delivery whose signature does not match\./,
		);

		now += 59_000;
		await flood(workflow, 1);
		expect(warnings(workflow)).toHaveLength(1);

		now += 2_000;
		await flood(workflow, 1);
		expect(warnings(workflow)).toHaveLength(2);
		expect(warnings(workflow)[1].message).toMatch(
			/^Kakiyo Trigger refused 301 deliveries in the last 61 s \(mismatch: 301\)\./,
		);
		expect(warnings(workflow)[1].meta).toMatchObject({ workflowId: 'wf-test-1', refused: 301 });
		expect(executions()).toHaveLength(0);
	});

	it('counts each workflow on its own', async () => {
		const nodeType = new KakiyoTrigger({ retry: FAST_RETRY, now: () => 0 });
		const first = await listening({ nodeType, workflowId: 'wf-a' });
		await flood(first, 3);
		const second = await listening({
			nodeType,
			workflowId: 'wf-b',
			webhookId: 'c0000000-0000-4000-8000-00000000000c',
		});
		await flood(second, 3);
		expect([warnings(first).length, warnings(second).length]).toEqual([1, 1]);
	});
});

describe('bodies and events that start nothing', () => {
	let workflow: TestWorkflow;
	beforeEach(async () => {
		workflow = await listening();
	});
	const signed = (body: string, contentType = 'application/json') =>
		post(webhookUrlOf(workflow), body, {
			'content-type': contentType,
			'x-kakiyo-signature': kakiyoSignature(secretOf(workflow), body),
		});

	it.each([
		['a non-JSON body', 'event=linkedin.message.received', 'text/plain'],
		['an empty body', '', 'application/json'],
		['a JSON array', '[{"event":"linkedin.message.received"}]', 'application/json'],
		['a JSON string', '"linkedin.message.received"', 'application/json'],
	])('%s gets 400', async (_case, body, contentType) => {
		const answer = await signed(body, contentType);
		expect(answer.status).toBe(400);
		expect(JSON.parse(answer.body)).toEqual({
			error: 'invalid_payload',
			message: 'Expected a JSON object',
		});
		expect(executions()).toHaveLength(0);
	});

	it('an event that was not chosen gets 200', async () => {
		const answer = await signed(JSON.stringify(fresh('campaign.completed')));
		expect(answer).toEqual({
			status: 200,
			body: '{"status":"ignored","reason":"event_not_selected"}',
		});
		expect(executions()).toHaveLength(0);
	});

	it('a payload without an event gets 200 unless every event is chosen', async () => {
		const answer = await signed(JSON.stringify({ data: {} }));
		expect(answer.status).toBe(200);
		expect(executions()).toHaveLength(0);
	});
});

describe('replay guard', () => {
	const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

	it('is off by default: an old delivery still runs', async () => {
		await listening();
		await rig.emulator.emit(
			'linkedin.message.received',
			fresh('linkedin.message.received', { timestamp: minutesAgo(600) }),
		);
		expect(executions()).toHaveLength(1);
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
		expect(error.message).toBe('Max Event Age must be a number of seconds');
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

describe('include headers', () => {
	it('adds the request headers beside the untouched payload', async () => {
		await listening({ options: { includeHeaders: true } });
		await rig.emulator.emit('linkedin.message.received');
		const [attempt] = rig.emulator.deliveries();
		const { headers, ...payload } = onlyItem();
		expect(payload).toEqual(JSON.parse(attempt.body));
		expect(headers).toMatchObject({
			'content-type': 'application/json',
			'user-agent': 'Kakiyo-Webhooks/1.0',
			'x-kakiyo-signature': attempt.headers['X-Kakiyo-Signature'],
		});
	});

	it('leaves them out by default', async () => {
		await listening();
		await rig.emulator.emit('linkedin.message.received');
		expect(onlyItem()).not.toHaveProperty('headers');
	});

	it('keeps a payload field called "headers" and puts the request headers beside it', async () => {
		await listening({ options: { includeHeaders: true } });
		await rig.emulator.emit(
			'linkedin.message.received',
			fresh('linkedin.message.received', { headers: 'theirs' }),
		);
		const item = onlyItem();
		expect(item.headers).toBe('theirs');
		expect(item.requestHeaders).toMatchObject({ 'content-type': 'application/json' });
	});

	it('keeps payload fields called "headers" and "requestHeaders" too, and finds a free name', async () => {
		await listening({ options: { includeHeaders: true } });
		const payload = fresh('linkedin.message.received', {
			headers: 'theirs',
			requestHeaders: 'also theirs',
		});
		await rig.emulator.emit('linkedin.message.received', payload);
		const { requestHeaders_2: headers, ...item } = onlyItem();
		expect(item).toEqual(payload);
		expect(headers).toMatchObject({ 'content-type': 'application/json' });
	});
});
