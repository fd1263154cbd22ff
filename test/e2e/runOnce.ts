import type { Stack } from './stack';
import type { WorkflowFixture } from './workflows';

/**
 * Runs a workflow that starts with n8n's Webhook node (see actionWorkflow) once, the way a
 * production workflow runs: activate, POST to its webhook, deactivate. Returns the items the last
 * node output.
 */
export async function runThroughWebhook(
	stack: Stack,
	fixture: WorkflowFixture,
): Promise<unknown[]> {
	const { id } = await stack.rest.createWorkflow(fixture.workflow);
	const activation = await stack.rest.activate(id);
	if (!activation.ok)
		throw new Error(`Activating the action workflow failed: ${activation.message}`);
	try {
		const response = await fetch(`${stack.n8n.url}${fixture.webhookPath}`, {
			method: 'POST',
			body: '{}',
			headers: { 'content-type': 'application/json' },
		});
		const text = await response.text();
		if (response.status !== 200)
			throw new Error(`Action workflow answered ${response.status}: ${text}`);
		const output = JSON.parse(text) as unknown;
		return Array.isArray(output) ? output : [output];
	} finally {
		await stack.rest.deactivate(id);
	}
}
