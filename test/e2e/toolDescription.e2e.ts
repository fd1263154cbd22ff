/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test-only: loads the installed n8n's own modules */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { Kakiyo } from '../../nodes/Kakiyo/Kakiyo.node';
import { toolDescription } from '../../nodes/Kakiyo/engine/toolDescription';
import {
	expectToolTextCarriesItsFacts,
	modelView,
	OPERATIONS,
	toolParameters,
	type N8nToolCode,
} from '../support/aiToolView';
import { ensureN8n } from '../harness/n8nInstaller';
import { lineLabel, selectedLines } from '../harness/n8nLines';
import { progress } from './suiteSetup';

type Convert = (item: { description: INodeTypeDescription }) => {
	description: INodeTypeDescription;
};
type CalloutIndex = (properties: INodeTypeDescription['properties']) => number;

/**
 * n8n's own conversion of a `usableAsTool` node into its `…Tool` variant: a module of its own on
 * n8n 2.x, a method of LoadNodesAndCredentials on 1.x (which needs only its callout helper).
 */
function n8nConversion(requireFromN8n: NodeRequire, n8nDir: string): Convert {
	if (existsSync(join(n8nDir, 'dist', 'tool-generation', 'ai-tools.js'))) {
		return (
			requireFromN8n('./dist/tool-generation/ai-tools.js') as { convertNodeToAiTool: Convert }
		).convertNodeToAiTool;
	}
	const { prototype } = (
		requireFromN8n('./dist/load-nodes-and-credentials.js') as {
			LoadNodesAndCredentials: {
				prototype: {
					convertNodeToAiTool: Convert;
					findLastCalloutIndex: CalloutIndex;
				};
			};
		}
	).LoadNodesAndCredentials;
	return (item) =>
		prototype.convertNodeToAiTool.call(
			{ findLastCalloutIndex: prototype.findLastCalloutIndex },
			item,
		);
}

/**
 * What the model of an AI agent is told about each Kakiyo operation, on each n8n line, by that line's
 * own code: its conversion of the node into the Kakiyo Tool, its Workflow and n8n-core's
 * createNodeAsTool. No n8n server is needed: these are the functions the server runs.
 */
describe.each(selectedLines())('the Kakiyo Tool on $n8nVersion', (line) => {
	let code: N8nToolCode;
	let toolType: INodeType;

	beforeAll(async () => {
		const n8nDir = join((await ensureN8n(line, progress)).dir, 'node_modules', 'n8n');
		const requireFromN8n = createRequire(join(n8nDir, 'package.json'));
		code = {
			Workflow: (requireFromN8n('n8n-workflow') as Pick<N8nToolCode, 'Workflow'>).Workflow,
			createNodeAsTool: (
				requireFromN8n(
					'n8n-core/dist/execution-engine/node-execution-context/utils/create-node-as-tool.js',
				) as Pick<N8nToolCode, 'createNodeAsTool'>
			).createNodeAsTool,
		};
		const kakiyo = new Kakiyo();
		const converted = n8nConversion(
			requireFromN8n,
			n8nDir,
		)({ description: structuredClone(kakiyo.description) });
		toolType = Object.assign(Object.create(kakiyo) as INodeType, {
			description: converted.description,
		});
	}, 40 * 60_000);

	it(`is converted by ${lineLabel(line)} without its own Tool Description choice`, () => {
		const names = toolType.description.properties.map((property) => property.name);
		expect(toolType.description.name).toBe('kakiyoTool');
		expect(names).not.toContain('descriptionType');
		expect(names.filter((name) => name === 'toolDescription')).toHaveLength(OPERATIONS.length);
	});

	it("tells the model every operation's text: the IDs it takes, where they come from, whether it can be undone", () => {
		for (const { resource, operation } of OPERATIONS) {
			const view = modelView(code, toolType, toolParameters(resource, operation));
			expect(view.description).toBe(toolDescription(operation));
			expectToolTextCarriesItsFacts(operation, view);
		}
	});
});
