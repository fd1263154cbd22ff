import type { Stack } from '../harness/stack';
import { actionWorkflow, type WorkflowFixture } from '../harness/workflows';

export interface WebhookRun {
	/** The (by now deactivated) workflow that ran. */
	workflowId: string;
	/** The items its last node output, as the workflow answered them. */
	output: unknown[];
}

/** What n8n answered a workflow run through its Webhook node, as it came. */
export interface WebhookCall {
	/** The (by now deactivated) workflow that ran. */
	workflowId: string;
	status: number;
	text: string;
}

/**
 * Runs a workflow that starts with n8n's Webhook node (see actionWorkflow) once, the way a
 * production workflow runs: activate, POST to its webhook where production webhooks are served (the
 * webhook process in queue mode), deactivate. Whatever n8n answers is returned, a failure too.
 */
export async function callThroughWebhook(
	stack: Stack,
	fixture: WorkflowFixture,
): Promise<WebhookCall> {
	const { id } = await stack.rest.createWorkflow(fixture.workflow);
	const activation = await stack.rest.activate(id);
	if (!activation.ok)
		throw new Error(
			`Activating the workflow "${fixture.workflow.name}" failed: ${activation.message}`,
		);
	try {
		const response = await fetch(`${stack.webhookBaseUrl}${fixture.webhookPath}`, {
			method: 'POST',
			body: '{}',
			headers: { 'content-type': 'application/json' },
		});
		return { workflowId: id, status: response.status, text: await response.text() };
	} finally {
		await stack.rest.deactivate(id);
	}
}

/** Like callThroughWebhook, for a run that must succeed: returns the last node's output items. */
export async function runThroughWebhook(
	stack: Stack,
	fixture: WorkflowFixture,
): Promise<WebhookRun> {
	const { workflowId, status, text } = await callThroughWebhook(stack, fixture);
	if (status !== 200) throw new Error(`The workflow answered ${status}: ${text}`);
	const output = JSON.parse(text) as unknown;
	return { workflowId, output: Array.isArray(output) ? output : [output] };
}

/** Runs the action node (or a chain of them, see actionWorkflow) once through a Webhook-node workflow. */
export async function runActionWorkflow(
	stack: Stack,
	parameters: Record<string, unknown> | Array<Record<string, unknown>>,
): Promise<WebhookRun> {
	const steps = Array.isArray(parameters) ? parameters : [parameters];
	const fixture = actionWorkflow(
		`Kakiyo action ${steps.map((step) => String(step.operation)).join(' → ')}`,
		stack.credential,
		parameters,
	);
	return await runThroughWebhook(stack, fixture);
}
