import type { TestWorkflow } from '../../../support/n8nRuntime';
import { kakiyoSignature } from '../../../support/signature';
import { activate, post, startRig, triggerWorkflow, webhookUrlOf, useRig } from '../rig';
import { deliveryKit } from './deliveryKit';

/** Signed deliveries that start the workflow, and well-signed ones that are answered but start nothing. */

const rig = useRig();
const { listening, secretOf, executions, onlyItem, fresh } = deliveryKit(rig);

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
		const timestamp = new Date().toISOString();
		const raw = `{ "event" : "linkedin.message.received", "timestamp":"${timestamp}",\n\t"data": {"message": "Gr\\u00fc\u00dfe \u2014 \ud83d\ude80  "} }`;
		const answer = await post(webhookUrlOf(workflow), raw, {
			'x-kakiyo-signature': kakiyoSignature(secretOf(workflow), Buffer.from(raw, 'utf8')),
		});
		expect(answer.status).toBe(200);
		expect(onlyItem()).toEqual({
			event: 'linkedin.message.received',
			timestamp,
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
