import type { Stack } from './stack';
import { actionWorkflow } from './workflows';

export interface ActionRun {
	/** The (by now deactivated) workflow that ran the action. */
	workflowId: string;
	/** The action node's output items, as the workflow answered them. */
	output: unknown[];
}

/**
 * Runs the action node once, through an active Webhook-node workflow called where production
 * webhooks are served (the webhook process in queue mode), and deactivates the workflow again.
 */
export async function runActionWorkflow(
	stack: Stack,
	parameters: Record<string, unknown>,
): Promise<ActionRun> {
	const fixture = actionWorkflow(
		`Kakiyo action ${String(parameters.operation)}`,
		stack.credential,
		parameters,
	);
	const { id } = await stack.rest.createWorkflow(fixture.workflow);
	const activation = await stack.rest.activate(id);
	if (!activation.ok)
		throw new Error(`Activating the action workflow failed: ${activation.message}`);
	try {
		const response = await fetch(`${stack.webhookBaseUrl}${fixture.webhookPath}`, {
			method: 'POST',
			body: '{}',
			headers: { 'content-type': 'application/json' },
		});
		const text = await response.text();
		if (response.status !== 200)
			throw new Error(`Action workflow answered ${response.status}: ${text}`);
		const output = JSON.parse(text) as unknown;
		return { workflowId: id, output: Array.isArray(output) ? output : [output] };
	} finally {
		await stack.rest.deactivate(id);
	}
}
