import { randomUUID } from 'node:crypto';

import { runThroughWebhook, type WebhookRun } from './actionProbe';
import type { ChatRequest, OpenAiStandIn } from './openAiStandIn';
import type { Stack } from '../harness/stack';
import {
	ACTION_TYPE,
	ANSWER_WITH_LAST_NODE,
	CREDENTIAL_TYPE,
	n8nWebhookNode,
	type CredentialRef,
} from '../harness/workflows';

/** The action node's name in the workflow, which n8n also gives the model as the tool's name. */
export const TOOL_NODE = 'Kakiyo';

/**
 * Node versions that n8n 1.6x–2.x all have: the AI Agent's Tools Agent (1.7) and the OpenAI chat
 * model 1, whose Base URL option points it at a stand-in for OpenAI.
 */
const AGENT = { type: '@n8n/n8n-nodes-langchain.agent', typeVersion: 1.7 };
const CHAT_MODEL = { type: '@n8n/n8n-nodes-langchain.lmChatOpenAi', typeVersion: 1 };

export interface AgentRun extends WebhookRun {
	/** The chat completion requests the agent sent to the stand-in model, in order. */
	modelRequests: ChatRequest[];
}

/**
 * Runs n8n's AI Agent with the Kakiyo node attached as a tool (`<type>Tool`, the variant n8n makes
 * of a node with `usableAsTool`), once, through a Webhook-node workflow. The model is a stand-in for
 * OpenAI that asks for the tool once, then gives its final answer. Which operation the tool runs is
 * fixed by `toolParameters`.
 */
export async function runAgentWithKakiyoTool(
	stack: Stack,
	model: OpenAiStandIn,
	toolParameters: Record<string, unknown>,
): Promise<AgentRun> {
	const openAi = await stack.rest.createCredential('OpenAI (stand-in)', 'openAiApi', {
		apiKey: 'sk-stand-in',
	});
	const before = model.requests.length;
	const path = `kakiyo-agent-${randomUUID()}`;
	const workflow = {
		name: 'Kakiyo as an AI Agent tool',
		active: false as const,
		nodes: [
			n8nWebhookNode('Webhook', path, ANSWER_WITH_LAST_NODE),
			node('AI Agent', AGENT, [220, 0], {
				agent: 'toolsAgent',
				promptType: 'define',
				text: 'Use the Kakiyo tool once.',
				options: {},
			}),
			node(
				'OpenAI Chat Model',
				CHAT_MODEL,
				[120, 200],
				{ model: 'gpt-4o-mini', options: { baseURL: model.baseUrl } },
				{ openAiApi: openAi },
			),
			node(TOOL_NODE, { type: `${ACTION_TYPE}Tool`, typeVersion: 1 }, [320, 200], toolParameters, {
				[CREDENTIAL_TYPE]: stack.credential,
			}),
		],
		connections: {
			Webhook: { main: [[{ node: 'AI Agent', type: 'main', index: 0 }]] },
			'OpenAI Chat Model': {
				ai_languageModel: [[{ node: 'AI Agent', type: 'ai_languageModel', index: 0 }]],
			},
			[TOOL_NODE]: { ai_tool: [[{ node: 'AI Agent', type: 'ai_tool', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	};
	const run = await runThroughWebhook(stack, { workflow, webhookPath: `/webhook/${path}` });
	return { ...run, modelRequests: model.requests.slice(before) };
}

function node(
	name: string,
	kind: { type: string; typeVersion: number },
	position: [number, number],
	parameters: Record<string, unknown>,
	credentials?: Record<string, CredentialRef>,
): object {
	return {
		id: randomUUID(),
		name,
		...kind,
		position,
		parameters,
		...(credentials && { credentials }),
	};
}
