/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @typescript-eslint/no-require-imports -- test-only: reads the built package from disk (found from __dirname) and require()s it as n8n does */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

import type { ICredentialType, INodeType } from 'n8n-workflow';

/*
 * A community node runs with the n8n-workflow of the n8n that loads it, not with its own
 * devDependency. `n8n-workflow-floor` (a devDependency alias) is the n8n-workflow that the oldest
 * supported n8n ships (the `floor` line of test/harness/n8nLines.ts; its e2e suite checks the two
 * versions match). Here the built package is loaded with that copy in place of n8n-workflow.
 */
jest.mock('n8n-workflow', () => jest.requireActual('n8n-workflow-floor'));

const repoRoot = resolve(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
	n8n: { nodes: string[]; credentials: string[] };
	devDependencies: Record<string, string>;
};
const floorVersion = manifest.devDependencies['n8n-workflow-floor'].replace(
	/^npm:n8n-workflow@/,
	'',
);

const builtFiles = readdirSync(join(repoRoot, 'dist'), { recursive: true, encoding: 'utf8' })
	.filter((name) => name.endsWith('.js'))
	.map((name) => join(repoRoot, 'dist', name));

/** How tsc's CommonJS output binds and reads a named import: `n8n_workflow_1.NodeApiError`. */
const BINDING = /\b(\w+) = require\("n8n-workflow"\)/g;

/** Every `<binding>.<name>` the file reads, and any other use of the binding (which would hide reads). */
function workflowReads(file: string): { names: string[]; otherUses: string[] } {
	const code = readFileSync(file, 'utf8');
	const names: string[] = [];
	const otherUses: string[] = [];
	for (const [, binding] of code.matchAll(BINDING)) {
		for (const [use, name] of code.matchAll(new RegExp(`\\b${binding}\\b(?:\\.(\\w+))?`, 'g'))) {
			if (name) names.push(name);
			else if (!code.includes(`${use} = require("n8n-workflow")`)) otherUses.push(use);
		}
	}
	if (/require\(["']n8n-workflow\/|import\(["']n8n-workflow/.test(code))
		otherUses.push('a deep or dynamic import of n8n-workflow');
	return { names, otherUses };
}

describe(`the built package on the oldest supported n8n's n8n-workflow (${floorVersion})`, () => {
	it('runs with that copy in place of the devDependency', () => {
		const loaded = require('n8n-workflow') as object;
		expect(loaded).toBe(jest.requireActual('n8n-workflow-floor'));
		expect(loaded).not.toBe(jest.requireActual('n8n-workflow'));
		expect(builtFiles.length).toBeGreaterThan(50);
	});

	it('every value the built code reads from n8n-workflow exists there', () => {
		const floor = jest.requireActual<Record<string, unknown>>('n8n-workflow-floor');
		const missing: string[] = [];
		const read = new Set<string>();
		for (const file of builtFiles) {
			const { names, otherUses } = workflowReads(file);
			expect({ file: relative(repoRoot, file), otherUses }).toEqual({
				file: relative(repoRoot, file),
				otherUses: [],
			});
			for (const name of names) {
				read.add(name);
				if (floor[name] === undefined) missing.push(`${relative(repoRoot, file)}: ${name}`);
			}
		}
		// The scan finds what the code reads (errors, sleep, jsonParse…), or it would prove nothing.
		expect([...read]).toEqual(expect.arrayContaining(['NodeApiError', 'NodeOperationError']));
		expect(missing).toEqual([]);
	});

	it.each([...manifest.n8n.nodes, ...manifest.n8n.credentials])(
		'%s loads and every class in it constructs, as n8n does when it starts',
		(path) => {
			const exported = require(join(repoRoot, path)) as Record<string, new () => unknown>;
			const classes = Object.values(exported).filter((value) => typeof value === 'function');
			expect(classes).toHaveLength(1);
			const instance = new classes[0]() as INodeType | ICredentialType;
			if ('description' in instance) {
				const { inputs, outputs } = instance.description;
				const connections = [...(inputs as unknown[]), ...(outputs as unknown[])];
				expect(connections.length).toBeGreaterThan(0);
				expect(connections).toEqual(connections.map(() => 'main'));
			} else {
				expect(instance.name).toBe('kakiyoApi');
			}
		},
	);
});
