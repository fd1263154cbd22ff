import { KakiyoTrigger } from '../../../../nodes/KakiyoTrigger/KakiyoTrigger.node';
import { FAST_RETRY } from '../../../support/fastRetry';
import { multipartForm } from '../../../support/multipartForm';
import type { TestWorkflow } from '../../../support/n8nRuntime';
import { kakiyoSignature } from '../../../support/signature';
import { post, webhookUrlOf, useRig } from '../rig';
import { deliveryKit } from './deliveryKit';

/** Requests the trigger refuses with 401 before anything starts, and how it logs a flood of them. */

const rig = useRig();
const { listening, secretOf, executions, fresh } = deliveryKit(rig);

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
