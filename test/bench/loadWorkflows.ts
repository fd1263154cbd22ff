import { randomUUID } from 'node:crypto';

import { SIGNATURE_HEADER } from '../../nodes/KakiyoTrigger/signature';
import {
	n8nWebhookNode,
	triggerWorkflow,
	type CredentialRef,
	type WorkflowFixture,
} from '../harness/workflows';
import { DELIVERY_EVENT } from './loadClient';

export type WorkflowKey = 'W1' | 'W2' | 'W3' | 'W4';

export const WORKFLOW_TITLES: Record<WorkflowKey, string> = {
	W1: "n8n's Webhook node",
	W2: 'Webhook node + Code node checking the HMAC',
	W3: 'Kakiyo Trigger',
	W4: 'Kakiyo Trigger, forged deliveries',
};

/** W1: n8n's Webhook node alone, answering on receipt (the cheapest way into n8n). */
export function webhookNodeWorkflow(): WorkflowFixture {
	const path = `bench-w1-${randomUUID()}`;
	return {
		workflow: {
			name: `Bench W1: ${WORKFLOW_TITLES.W1}`,
			active: false,
			nodes: [n8nWebhookNode('Webhook', path, { responseMode: 'onReceived', options: {} })],
			connections: {},
			settings: { executionOrder: 'v1' },
		},
		webhookPath: `/webhook/${path}`,
	};
}

/**
 * W2: what users build without the trigger: the Webhook node keeps the raw body (binary property
 * `data`), answers on receipt, and a Code node recomputes the HMAC over those bytes and fails the
 * execution when it does not match. Needs `NODE_FUNCTION_ALLOW_BUILTIN=crypto`.
 */
export function webhookWithHmacCheckWorkflow(secret: string): WorkflowFixture {
	const path = `bench-w2-${randomUUID()}`;
	const jsCode = `const crypto = require('crypto');
const secret = ${JSON.stringify(secret)};
const items = $input.all();
const out = [];
for (let i = 0; i < items.length; i++) {
	const raw = await this.helpers.getBinaryDataBuffer(i, 'data');
	const expected = crypto.createHmac('sha256', secret).update(raw).digest('hex');
	const header = String(items[i].json.headers[${JSON.stringify(SIGNATURE_HEADER)}] || '').replace(/^sha256=/, '');
	if (header.length !== expected.length || !crypto.timingSafeEqual(Buffer.from(header), Buffer.from(expected))) {
		throw new Error('Invalid signature');
	}
	out.push({ json: JSON.parse(raw.toString('utf8')) });
}
return out;`;
	return {
		workflow: {
			name: `Bench W2: ${WORKFLOW_TITLES.W2}`,
			active: false,
			nodes: [
				n8nWebhookNode('Webhook', path, { responseMode: 'onReceived', options: { rawBody: true } }),
				{
					id: randomUUID(),
					name: 'Check signature',
					type: 'n8n-nodes-base.code',
					typeVersion: 2,
					position: [220, 0],
					parameters: { mode: 'runOnceForAllItems', jsCode },
				},
			],
			connections: { Webhook: { main: [[{ node: 'Check signature', type: 'main', index: 0 }]] } },
			settings: { executionOrder: 'v1' },
		},
		webhookPath: `/webhook/${path}`,
	};
}

export interface TriggerVariant {
	/** The trigger's node version: 2 (new workflows, the default) or 1 (saved before version 2). */
	typeVersion?: 1 | 2;
	/** Events as an expression (`={{ [...] }}`) instead of a fixed list. */
	eventsExpression?: boolean;
}

/** W3 and W4: the Kakiyo Trigger, subscribed to the event the benchmark sends. */
export function kakiyoTriggerWorkflow(
	key: 'W3' | 'W4',
	credential: CredentialRef,
	variant: TriggerVariant = {},
): WorkflowFixture {
	const fixture = triggerWorkflow(
		`Bench ${key}: ${WORKFLOW_TITLES[key]}`,
		credential,
		[DELIVERY_EVENT],
		{},
		variant.typeVersion,
	);
	const node = fixture.workflow.nodes[0] as { parameters: { events: unknown } };
	if (variant.eventsExpression)
		node.parameters.events = `={{ ${JSON.stringify([DELIVERY_EVENT])} }}`;
	return fixture;
}
