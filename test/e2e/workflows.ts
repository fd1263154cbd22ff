import { randomUUID } from 'node:crypto';

/** Workflow JSON as n8n's REST API takes it. Node type names carry the package name, as deployed. */
export const TRIGGER_TYPE = 'n8n-nodes-kakiyo.kakiyoTrigger';
export const ACTION_TYPE = 'n8n-nodes-kakiyo.kakiyo';
export const CREDENTIAL_TYPE = 'kakiyoApi';
export const TRIGGER_NODE = 'Kakiyo Trigger';
export const ACTION_NODE = 'Kakiyo';

export interface CredentialRef {
	id: string;
	name: string;
}

export interface WorkflowFixture {
	/** The body for `POST /rest/workflows`. */
	workflow: { name: string; active: false; nodes: object[]; connections: object; settings: object };
	/** Path of the workflow's production webhook on n8n (for the trigger: the URL it registers at Kakiyo). */
	webhookPath: string;
}

export interface TriggerOptions {
	includeHeaders?: boolean;
	maxAgeSeconds?: number;
	webhookName?: string;
}

/**
 * A workflow whose only node is the Kakiyo Trigger. Each call gets a fresh node `webhookId`: n8n
 * refuses to activate two workflows whose webhooks share one (409 conflict).
 */
export function triggerWorkflow(
	name: string,
	credential: CredentialRef,
	events: string[],
	options: TriggerOptions = {},
	/** The trigger's node version: 2 for new workflows, 1 for those saved before version 2. */
	typeVersion: 1 | 2 = 2,
): WorkflowFixture {
	const webhookId = randomUUID();
	const workflow = {
		name,
		// Activation is its own call; n8n 1.x also refuses a workflow without this column.
		active: false as const,
		nodes: [
			{
				id: randomUUID(),
				name: TRIGGER_NODE,
				type: TRIGGER_TYPE,
				typeVersion,
				position: [0, 0],
				webhookId,
				parameters: { events, options },
				credentials: { [CREDENTIAL_TYPE]: credential },
			},
		],
		connections: {},
		settings: { executionOrder: 'v1' },
	};
	return { workflow, webhookPath: `/webhook/${webhookId}/webhook` };
}

/** n8n's own Webhook node (typeVersion 2) for POSTs to `/webhook/<path>`. */
export function n8nWebhookNode(
	name: string,
	path: string,
	parameters: Record<string, unknown>,
	position: [number, number] = [0, 0],
): object {
	return {
		id: randomUUID(),
		name,
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		position,
		webhookId: randomUUID(),
		parameters: { httpMethod: 'POST', path, ...parameters },
	};
}

/** Webhook node parameters: answer the POST with every item the workflow's last node output. */
export const ANSWER_WITH_LAST_NODE = {
	responseMode: 'lastNode',
	responseData: 'allEntries',
	options: {},
};

/**
 * n8n's own Webhook node in front of the Kakiyo action node, answering with every item the
 * action output. This runs the action node the way a production workflow does, over plain HTTP,
 * without the editor's push connection that manual runs need.
 */
export function actionWorkflow(
	name: string,
	credential: CredentialRef,
	/** One action node's parameters, or several for action nodes run one after the other. */
	actionParameters: Record<string, unknown> | Array<Record<string, unknown>>,
	/** The action nodes' type: this package's Kakiyo node unless another package's is tested. */
	actionType = ACTION_TYPE,
): WorkflowFixture {
	const path = `kakiyo-action-${randomUUID()}`;
	const steps = Array.isArray(actionParameters) ? actionParameters : [actionParameters];
	const names = steps.map((_, index) =>
		index === 0 ? ACTION_NODE : `${ACTION_NODE} ${index + 1}`,
	);
	const actions = steps.map((parameters, index) => ({
		id: randomUUID(),
		name: names[index],
		type: actionType,
		typeVersion: 1,
		position: [220 * (index + 1), 0],
		parameters,
		credentials: { [CREDENTIAL_TYPE]: credential },
	}));
	const chain = ['Webhook', ...names];
	const workflow = {
		name,
		// Activation is its own call; n8n 1.x also refuses a workflow without this column.
		active: false as const,
		nodes: [n8nWebhookNode('Webhook', path, ANSWER_WITH_LAST_NODE), ...actions],
		connections: Object.fromEntries(
			chain
				.slice(0, -1)
				.map((from, index) => [
					from,
					{ main: [[{ node: chain[index + 1], type: 'main', index: 0 }]] },
				]),
		),
		settings: { executionOrder: 'v1' },
	};
	// POST there to run the actions; the answer is the last action's output items.
	return { workflow, webhookPath: `/webhook/${path}` };
}
