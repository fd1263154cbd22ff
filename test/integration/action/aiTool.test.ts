import { createNodeAsTool } from 'n8n-core/dist/execution-engine/node-execution-context/utils/create-node-as-tool';
import { Workflow, type INodeType } from 'n8n-workflow';
import { Kakiyo } from '../../../nodes/Kakiyo/Kakiyo.node';
import { toolDescription } from '../../../nodes/Kakiyo/engine/toolDescription';
import {
	expectToolTextCarriesItsFacts,
	loadedNode,
	modelView,
	OPERATIONS,
	toolParameters,
	type N8nToolCode,
} from '../../support/aiToolView';
import { PACKAGE_PREFIX } from '../../support/n8nRuntime';

/**
 * What the model of an AI agent is told about each operation of the Kakiyo node used as a tool,
 * built by the n8n code of the devDependencies (n8n-workflow's Workflow, n8n-core's
 * createNodeAsTool, as in n8n 2.41.1). n8n's registry serves the tool as the node's description
 * cloned under `kakiyoTool` with an AI tool output; that conversion lives in the n8n CLI package,
 * so it is stood in for here, and test/e2e/toolDescription.e2e.ts runs n8n's own on both n8n lines.
 */
const code: N8nToolCode = { Workflow, createNodeAsTool };
const kakiyo = new Kakiyo();
const toolType: INodeType = Object.create(kakiyo, {
	description: {
		value: Object.create(kakiyo.description, {
			name: { value: `${kakiyo.description.name}Tool` },
			inputs: { value: [] },
			outputs: { value: ['ai_tool'] },
		}),
	},
});

describe.each(
	OPERATIONS.map(
		({ resource, operation }) => [`${resource} ${operation.value}`, resource, operation] as const,
	),
)('%s as a tool', (_title, resource, operation) => {
	const view = modelView(code, toolType, toolParameters(resource, operation));

	it("tells the model the operation's text, not only its action", () => {
		expect(view.description).toBe(toolDescription(operation));
	});

	it('says which ID each parameter takes and where it comes from, and whether it can be undone', () => {
		expectToolTextCarriesItsFacts(operation, view);
	});
});

describe('the tool description', () => {
	const operation = OPERATIONS.find(
		(entry) => entry.resource === 'prospect' && entry.operation.value === 'pause',
	)!.operation;

	it('reaches the model as the user edits it, and falls back to the action when cleared', () => {
		const parameters = toolParameters('prospect', operation);
		const edited = modelView(code, toolType, { ...parameters, toolDescription: 'Pause a chat' });
		const cleared = modelView(code, toolType, { ...parameters, toolDescription: ' ' });

		expect(edited.description).toBe('Pause a chat');
		expect(cleared.description).toBe('Pause a prospect conversation in Kakiyo');
	});

	it('is a parameter of the tool only, not of the Kakiyo node in a workflow', () => {
		const node = loadedNode(code, kakiyo, `${PACKAGE_PREFIX}.kakiyo`, {
			resource: 'prospect',
			operation: 'pause',
		});
		expect(node.parameters.resource).toBe('prospect');
		expect(node.parameters).not.toHaveProperty('toolDescription');
	});
});
