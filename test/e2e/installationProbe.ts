import type { Stack } from '../harness/stack';
import { ACTION_TYPE, CREDENTIAL_TYPE, TRIGGER_TYPE } from '../harness/workflows';

/**
 * The inputs and outputs of this package's nodes as n8n describes them to the editor (some releases
 * list each version of a versioned node, others the node once), and whether n8n made the AI
 * Agent's tool variant of the action node (`usableAsTool`).
 */
export async function listedNodes(stack: Stack): Promise<{
	action?: unknown[];
	trigger?: unknown[];
	actionTool: boolean;
}> {
	const listed = new Map(
		(await stack.rest.nodeTypes()).map((node) => [node.name, [node.inputs, node.outputs]]),
	);
	return {
		action: listed.get(ACTION_TYPE),
		trigger: listed.get(TRIGGER_TYPE),
		actionTool: listed.has(`${ACTION_TYPE}Tool`),
	};
}

/**
 * n8n's credential Test (what the editor runs after saving) of the stack's credential, which holds
 * the good key, and of a new credential with a wrong key; n8n's two answers.
 */
export async function testGoodAndWrongKey(
	stack: Stack,
): Promise<Record<'good' | 'bad', { status: string; message: string }>> {
	const good = await stack.rest.testCredential(stack.credential, CREDENTIAL_TYPE, {
		apiKey: stack.kakiyo.apiKey,
		url: stack.kakiyo.baseUrl,
	});
	const badData = { apiKey: 'x'.repeat(40), url: stack.kakiyo.baseUrl };
	const badCredential = await stack.rest.createCredential(
		'Kakiyo (wrong key)',
		CREDENTIAL_TYPE,
		badData,
	);
	const bad = await stack.rest.testCredential(badCredential, CREDENTIAL_TYPE, badData);
	return { good, bad };
}
