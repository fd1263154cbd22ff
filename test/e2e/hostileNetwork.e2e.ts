import type { FaultSpec } from '../emulator';
import { ScriptedServer } from '../support/scriptedServer';
import { callThroughWebhook, runActionWorkflow } from './actionProbe';
import { ALL_LINES, lineLabel, selectedLines } from '../harness/n8nLines';
import { startStack, type Stack } from '../harness/stack';
import { packedPackage, progress } from './suiteSetup';
import { deactivateIfActive, waitForExecutions } from '../harness/triggerProbe';
import { actionWorkflow, CREDENTIAL_TYPE, triggerWorkflow } from '../harness/workflows';

/**
 * Issue 16 in a real n8n, on both lines: a Base URL that redirects, or answers far more than Kakiyo
 * ever does. Another loopback origin plays the host a redirect points at and records whatever
 * reaches it: nothing may.
 */
const lines = selectedLines(ALL_LINES);
const packed = packedPackage('kakiyo-e2e-hostile-');

describe.each(lines)('Kakiyo package against a hostile network on $n8nVersion', (line) => {
	let stack: Stack;
	const elsewhere = new ScriptedServer();

	beforeAll(async () => {
		await elsewhere.start();
		stack = await startStack({ line, ...packed, progress });
	}, 40 * 60_000);

	afterAll(async () => {
		await stack?.close();
		await elsewhere.close();
	}, 60_000);

	beforeEach(() => {
		// Answers as Kakiyo would, so that a followed redirect would look like a success.
		elsewhere.answer({
			status: 201,
			body: { id: 'hook-elsewhere', agents: [], status: 'running' },
		});
	});

	afterEach(() => {
		expect(elsewhere.calls).toEqual([]);
		stack.emulator!.reset();
	});

	const otherHost = () => new URL(elsewhere.baseUrl).host;
	const redirect = (status: number, fault: Omit<FaultSpec, 'status' | 'headers'>) =>
		stack.emulator!.injectFault({
			...fault,
			status,
			headers: { Location: `${elsewhere.baseUrl}${fault.path}` },
		});

	/** Runs the action node once; the run must fail. Returns the error n8n stored for it. */
	async function failedAction(parameters: Record<string, unknown>) {
		const run = await callThroughWebhook(
			stack,
			actionWorkflow('Kakiyo action, hostile network', stack.credential, parameters),
		);
		expect(run.status).not.toBe(200);
		const [execution] = await waitForExecutions(stack, run, 1);
		expect(execution.status).toBe('error');
		const error = await stack.rest.executionError(execution.id);
		progress(`[${lineLabel(line)}] the failed run says: ${error?.message}`);
		return error;
	}

	it('a 302 on a GET fails the action node, naming the host, and sends nothing there', async () => {
		redirect(302, { method: 'GET', path: '/v1/agents' });
		const error = await failedAction({ resource: 'agent', operation: 'getAll', returnAll: true });
		expect(error?.message).toBe(
			`The Base URL answered GET /agents with a redirect (HTTP 302) to ${otherHost()}; this node does not follow redirects`,
		);
		expect(error?.description).toMatch(/Check the Base URL in the Kakiyo API credential/);
	});

	it('a 307 on Agent Setup hands neither the key nor the LinkedIn password to the other host', async () => {
		const agentId = stack.emulator!.state().teams[0].agents[0].id;
		redirect(307, { method: 'POST', path: `/v1/agents/${agentId}/setup` });
		const error = await failedAction({
			resource: 'agent',
			operation: 'setup',
			agentId: { __rl: true, mode: 'id', value: agentId },
			login: 'ana@example.com',
			password: 'example-e2e-linkedin-password',
			country: 'FR',
		});
		expect(error?.message).toContain(`redirect (HTTP 307) to ${otherHost()};`);
	});

	it("the trigger's activation fails on a 307 to POST /webhooks, naming the host; nothing is registered or sent there", async () => {
		// Every attempt, also 2.x's own retries of a failed activation (about 30 s of them).
		redirect(307, { method: 'POST', path: '/v1/webhooks', count: 1000 });
		const { id } = await stack.rest.createWorkflow(
			triggerWorkflow('Kakiyo trigger, redirecting Base URL', stack.credential, ['message.sent'])
				.workflow,
		);
		try {
			const activation = await stack.rest.activate(id);
			progress(`[${lineLabel(line)}] the failed activation says: ${activation.message}`);
			expect(activation.ok).toBe(false);
			// 2.x shows the error's message, 1.x only its description: both name the host.
			expect(activation.message).toContain(otherHost());
			expect(activation.message).toMatch(/Base URL/);
		} finally {
			await deactivateIfActive(stack, id);
		}
		expect(stack.emulator!.webhooks()).toEqual([]);
	});

	it('the credential test of a Base URL that redirects fails and sends the key nowhere', async () => {
		redirect(302, { method: 'GET', path: '/v1/verify' });
		const result = await stack.rest.testCredential(stack.credential, CREDENTIAL_TYPE, {
			apiKey: stack.kakiyo.apiKey,
			url: stack.kakiyo.baseUrl,
		});
		progress(`[${lineLabel(line)}] the credential test says: ${result.message}`);
		expect(result.status).toBe('Error');
		// 2.x and 1.81 apply the credential's rule for the status; 1.123's tester never reaches the
		// rules of an HTTP error and shows axios's own wording.
		expect(result.message).toMatch(
			line.id === '1'
				? /^Request failed with status code 302$/
				: /^The Base URL redirects \(HTTP 302\).*Check the Base URL/,
		);
	});

	it('an answer inflating to 300 MB fails the node, naming the limit, and n8n keeps serving', async () => {
		stack.emulator!.injectFault({
			method: 'GET',
			path: '/v1/agents',
			oversized: { bytes: 300 * 1024 * 1024, encoding: 'gzip' },
		});
		const error = await failedAction({ resource: 'agent', operation: 'getAll', returnAll: true });
		expect(error?.message).toBe(
			'The answer to GET /agents is larger than 8 MB, the most this node reads from one answer',
		);
		const { output } = await runActionWorkflow(stack, {
			resource: 'agent',
			operation: 'getAll',
			returnAll: true,
		});
		expect(output.length).toBeGreaterThan(0);
	});
});
