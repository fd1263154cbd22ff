import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import {
	activate,
	callsSince,
	hooks,
	startRig,
	triggerWorkflow,
	webhookUrlOf,
	useRig,
} from '../rig';
import { lifecycleKit } from './lifecycleKit';

/** n8n's `create`: registering the trigger's webhook, and what it refuses to register. */

const rig = useRig();
const { mark } = lifecycleKit(rig);

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
			webhookOptions: { includeHeaders: false, maxAgeSeconds: 300 },
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
