import type { INode, INodeParameters, INodeProperties, INodeType, Workflow } from 'n8n-workflow';
import { RESOURCES } from '../../nodes/Kakiyo/Kakiyo.node';
import type { Operation } from '../../nodes/Kakiyo/engine/operation';
import { toolIdParameters } from '../../nodes/Kakiyo/engine/toolDescription';
import { PACKAGE_PREFIX } from './n8nRuntime';

/**
 * What an AI agent's model is told about the Kakiyo node used as a tool, computed by n8n's own code
 * of one n8n line: its `Workflow` (which fills in the parameters' defaults, as n8n does for a saved
 * workflow) and n8n-core's `createNodeAsTool` (which builds the tool: `getToolDescriptionForNode`
 * for the description, `$fromAI()` calls for the schema). The test gives the code of the line it
 * checks, and the node type as that line's registry serves it under `kakiyoTool`.
 */
export interface N8nToolCode {
	Workflow: typeof Workflow;
	createNodeAsTool: (options: {
		node: INode;
		nodeType: INodeType;
		handleToolInvocation: () => Promise<unknown>;
	}) => { response: { name: string; description: string; schema: { shape: object } } };
}

export interface ModelView {
	name: string;
	description: string;
	/** The arguments the model is asked for ($fromAI keys). */
	arguments: string[];
}

export const TOOL_TYPE = `${PACKAGE_PREFIX}.kakiyoTool`;

/** Every operation of the node, with its resource. */
export const OPERATIONS = RESOURCES.flatMap((resource) =>
	resource.operations.map((operation) => ({ resource: resource.value, operation })),
);

/** The parameters that take an ID (or an event name): what the model must be told how to fill. */
export const idParameters = toolIdParameters;

/** The key n8n's editor gives a parameter the user lets the model fill in (its display name). */
const fromAiKey = (property: INodeProperties) =>
	property.displayName.replace(/[^a-zA-Z0-9-]/g, '_');

/**
 * The parameters of the tool node as the editor saves them when the user lets the model fill in
 * every ID parameter (the ✨ button: `$fromAI('<display name>', '', 'string')`), and nothing else.
 */
export function toolParameters(resource: string, operation: Operation): INodeParameters {
	const parameters: INodeParameters = { resource, operation: operation.value };
	for (const property of idParameters(operation)) {
		const fromAi = `={{ $fromAI('${fromAiKey(property)}', \`\`, 'string') }}`;
		parameters[property.name] =
			property.type === 'resourceLocator' ? { __rl: true, mode: 'id', value: fromAi } : fromAi;
	}
	return parameters;
}

/** A node of type `type` as the line's n8n loads it from a saved workflow: with its defaults filled in. */
export function loadedNode(
	code: Pick<N8nToolCode, 'Workflow'>,
	nodeType: INodeType,
	type: string,
	parameters: INodeParameters,
): INode {
	const saved: INode = {
		id: 'node-1',
		name: 'Kakiyo',
		type,
		typeVersion: 1,
		position: [0, 0],
		parameters,
	};
	const workflow = new code.Workflow({
		nodes: [saved],
		connections: {},
		active: false,
		nodeTypes: {
			getByName: () => nodeType,
			getByNameAndVersion: () => nodeType,
			getKnownTypes: () => ({}),
		},
	});
	return workflow.getNode(saved.name)!;
}

/** The tool the model sees for a tool node with these parameters, built by the line's n8n code. */
export function modelView(
	code: N8nToolCode,
	toolType: INodeType,
	parameters: INodeParameters,
): ModelView {
	const node = loadedNode(code, toolType, TOOL_TYPE, parameters);
	const tool = code.createNodeAsTool({
		node,
		nodeType: toolType,
		handleToolInvocation: async () => '',
	}).response;
	return {
		name: tool.name,
		description: tool.description,
		arguments: Object.keys(tool.schema.shape).sort(),
	};
}

/**
 * The checks every operation's tool text passes: it names each ID parameter by the name the model
 * fills it under, says which ID it is and where a workflow finds it, and says whether the call
 * changes anything and whether that can be undone.
 */
export function expectToolTextCarriesItsFacts(operation: Operation, view: ModelView): void {
	expect(view.description).toContain(operation.action);
	for (const property of idParameters(operation)) {
		expect(view.description).toContain(`${property.displayName}: `);
		expect(view.arguments).toContain(fromAiKey(property));
		if (property.name === 'event') continue;
		expect(property.description).toMatch(/\bIDs?\b/);
		expect(property.description).toMatch(/Get Many|output of|data\.\w+Id/);
	}
	const effects = view.description.match(
		/Read-only: changes nothing in Kakiyo\.|Permanent: cannot be undone\.|Reversible, by [^.]+\./g,
	);
	expect(effects).toHaveLength(1);
	if (operation.method === 'GET') expect(effects?.[0]).toMatch(/^Read-only/);
	else expect(effects?.[0]).not.toMatch(/^Read-only/);
}
