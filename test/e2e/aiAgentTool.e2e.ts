import { runAgentWithKakiyoTool, TOOL_NODE } from './aiAgentProbe';
import { ALL_LINES, selectedLines } from '../harness/n8nLines';
import { OpenAiStandIn } from './openAiStandIn';
import { startStack, type Stack } from '../harness/stack';
import { packedPackage, progress } from './suiteSetup';

/**
 * The Kakiyo node as a tool of n8n's AI Agent (the README's promise, made by `usableAsTool`), on every
 * n8n line, the floor included: the agent's model (a stand-in for OpenAI) calls the tool, the tool
 * runs its operation against Kakiyo, and the result goes back to the model.
 */
const lines = selectedLines(ALL_LINES);
const packed = packedPackage('kakiyo-e2e-agent-');

describe.each(lines)('the Kakiyo node as an AI Agent tool on $n8nVersion', (line) => {
	let stack: Stack;
	const model = new OpenAiStandIn('That profile is not on the list.');

	beforeAll(async () => {
		await model.start();
		stack = await startStack({ line, ...packed, progress });
	}, 40 * 60_000);

	afterAll(async () => {
		await stack?.close();
		await model.close();
	}, 60_000);

	it('the agent calls the tool, which checks the Do Not Contact list at Kakiyo, and answers with its result', async () => {
		const url = `linkedin.com/in/e2e-agent-line-${line.id}`;
		const run = await runAgentWithKakiyoTool(stack, model, {
			resource: 'doNotContact',
			operation: 'check',
			url,
		});

		const [first, second] = run.modelRequests;
		expect(run.modelRequests).toHaveLength(2);
		expect(first.tools?.map((tool) => tool.function.name)).toEqual([TOOL_NODE]);
		const toolResults = second.messages.filter((message) => message.role === 'tool');
		expect(toolResults).toHaveLength(1);
		expect(String(toolResults[0].content)).toContain('"onList":false');
		expect(
			stack
				.emulator!.requests()
				.filter((call) => call.path.startsWith('/v1/dnc/check'))
				.map((call) => [call.method, call.path, call.status]),
		).toEqual([['GET', `/v1/dnc/check?url=${encodeURIComponent(url)}`, 200]]);
		expect(run.output).toEqual([{ output: 'That profile is not on the list.' }]);
	});
});
