import type { EmulatedWebhook } from '../emulator';
import { waitFor } from '../support/waitFor';
import type { ExecutionSummary } from './n8nRestClient';
import type { Stack } from './stack';
import { TRIGGER_NODE, triggerWorkflow, type TriggerOptions } from './workflows';

/** An active workflow with the Kakiyo Trigger, and the ways a scenario looks at it from outside. */
export interface ActiveTrigger {
	workflowId: string;
	/** The production webhook URL n8n serves and should have registered at Kakiyo. */
	url: string;
}

/** Creates a trigger workflow and activates it; activation must succeed. */
export async function activateTrigger(
	stack: Stack,
	events: string[],
	options: TriggerOptions = {},
	typeVersion: 1 | 2 = 2,
): Promise<ActiveTrigger> {
	const fixture = triggerWorkflow(
		`Kakiyo trigger ${events.join(',')}`,
		stack.credential,
		events,
		options,
		typeVersion,
	);
	const { id } = await stack.rest.createWorkflow(fixture.workflow);
	const activation = await stack.rest.activate(id);
	if (!activation.ok) throw new Error(`Activating workflow ${id} failed: ${activation.message}`);
	return { workflowId: id, url: `${stack.webhookBaseUrl}${fixture.webhookPath}` };
}

/** Deactivates unless n8n already did (or activation never happened). */
export async function deactivateIfActive(stack: Stack, workflowId: string): Promise<void> {
	if ((await stack.rest.getWorkflow(workflowId)).active) await stack.rest.deactivate(workflowId);
}

/**
 * Runs a scenario with its own active trigger workflow and deactivates it afterwards, pass or
 * fail, so that no other scenario's deliveries (e.g. Send Test) reach it.
 */
export async function withTrigger(
	stack: Stack,
	events: string[],
	scenario: (trigger: ActiveTrigger) => Promise<void>,
	typeVersion: 1 | 2 = 2,
): Promise<void> {
	const trigger = await activateTrigger(stack, events, {}, typeVersion);
	try {
		await scenario(trigger);
	} finally {
		await deactivateIfActive(stack, trigger.workflowId);
	}
}

/** Fresh payload of a chosen event: the trigger may reject stale timestamps (maxAgeSeconds). */
export function payloadOf(event: string, extra: Record<string, unknown> = {}) {
	return {
		event,
		timestamp: new Date().toISOString(),
		data: { prospectId: 'prospect_e2e', ...extra },
	};
}

/** The webhooks the emulator holds for this trigger's URL (the property every lifecycle scenario counts). */
export function hooksFor(stack: Stack, trigger: ActiveTrigger): EmulatedWebhook[] {
	return stack.emulator!.webhooks().filter((hook) => hook.url === trigger.url);
}

/** The one hook of this trigger; fails if there are none or several. */
export function onlyHook(stack: Stack, trigger: ActiveTrigger): EmulatedWebhook {
	const hooks = hooksFor(stack, trigger);
	if (hooks.length !== 1)
		throw new Error(
			`Expected exactly one webhook for ${trigger.url}, found ${hooks.length}: ${JSON.stringify(hooks)}`,
		);
	return hooks[0];
}

/** POSTs raw bytes to the trigger as Kakiyo would (signature optional), returning the HTTP status. */
export async function postDelivery(
	trigger: ActiveTrigger,
	body: string,
	signature?: string,
	contentType = 'application/json',
): Promise<number> {
	const response = await fetch(trigger.url, {
		method: 'POST',
		headers: {
			'content-type': contentType,
			...(signature === undefined ? {} : { 'x-kakiyo-signature': signature }),
		},
		body,
	});
	await response.arrayBuffer();
	return response.status;
}

const FINISHED = new Set(['success', 'error', 'crashed', 'canceled']);

/**
 * Waits until the workflow (a trigger's or any other) has `count` finished executions. Executions start after the webhook
 * has answered, so the count is polled; a number above `count` fails at once.
 */
export async function waitForExecutions(
	stack: Stack,
	trigger: Pick<ActiveTrigger, 'workflowId'>,
	count: number,
): Promise<ExecutionSummary[]> {
	return await waitFor(
		async () => {
			const executions = await stack.rest.executions(trigger.workflowId);
			if (executions.length > count) {
				throw new Error(
					`Expected ${count} execution(s) of workflow ${trigger.workflowId}, found ${executions.length}`,
				);
			}
			return executions.length === count &&
				executions.every((execution) => FINISHED.has(execution.status))
				? executions
				: undefined;
		},
		{ what: `${count} finished execution(s) of workflow ${trigger.workflowId}`, timeoutMs: 30_000 },
	);
}

/** What the trigger node output in an execution: the items' JSON. */
export async function triggerOutput(stack: Stack, execution: ExecutionSummary): Promise<unknown[]> {
	return await stack.rest.nodeOutput(execution.id, TRIGGER_NODE);
}
