/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- test-only harness: reads the example workflows from the repository */
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { CREDENTIAL_TYPE, type CredentialRef, type WorkflowFixture } from './workflows';

export const EXAMPLES_DIR = join(__dirname, '..', '..', 'examples');

interface ExampleNode {
	name: string;
	type: string;
	webhookId?: string;
	credentials?: Record<string, unknown>;
	parameters?: Record<string, unknown>;
}

interface ExampleWorkflow {
	name: string;
	nodes: ExampleNode[];
	connections: object;
	settings?: object;
}

/** The file names of the importable examples in `examples/`. */
export function exampleFiles(): string[] {
	return readdirSync(EXAMPLES_DIR)
		.filter((file) => file.endsWith('.json'))
		.sort();
}

export function readExample(file: string): ExampleWorkflow {
	return JSON.parse(readFileSync(join(EXAMPLES_DIR, file), 'utf8')) as ExampleWorkflow;
}

export const HTTP_REQUEST_TYPE = 'n8n-nodes-base.httpRequest';

/**
 * An example as a user imports it, made ready for this n8n: the Kakiyo nodes use the stack's
 * credential (the file names none), and every webhook gets a fresh ID, as n8n gives a copy, so that
 * the example can be active on both n8n lines and beside other workflows. With `outsideServices`
 * (an origin such as `http://127.0.0.1:4321`), every HTTP Request node calls it instead of the
 * placeholder host the user replaces (a chat webhook, a CRM), keeping the path and expressions.
 */
export function exampleFixture(
	file: string,
	credential: CredentialRef,
	outsideServices?: string,
): WorkflowFixture & { nodes: ExampleNode[] } {
	const example = readExample(file);
	const nodes = example.nodes.map((node) => ({
		...node,
		...(node.webhookId ? { webhookId: randomUUID() } : {}),
		...(node.credentials?.[CREDENTIAL_TYPE]
			? { credentials: { ...node.credentials, [CREDENTIAL_TYPE]: credential } }
			: {}),
		...(outsideServices && node.type === HTTP_REQUEST_TYPE
			? {
					parameters: {
						...node.parameters,
						url: String(node.parameters?.url).replace(
							/^(=?)https?:\/\/[^/]+/,
							`$1${outsideServices}`,
						),
					},
				}
			: {}),
	}));
	const webhookNode = nodes.find((node) => node.webhookId);
	return {
		workflow: {
			name: example.name,
			active: false,
			nodes,
			connections: example.connections,
			settings: example.settings ?? { executionOrder: 'v1' },
		},
		webhookPath: webhookNode ? `/webhook/${webhookNode.webhookId}/webhook` : '',
		nodes,
	};
}
