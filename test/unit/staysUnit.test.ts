/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- test-only: lists the test files, found from __dirname */
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

import { forbiddenImportChain } from '../support/importGraph';

/**
 * test/unit holds tests that start no server and no n8n context. A file that can reach a socket module,
 * an HTTP client or server, n8n-core (the runtime behind TestWorkflow) or the emulator's server belongs in
 * test/integration. Pure modules of the emulator (its event list, say) are fine.
 */
const SERVER_OR_RUNTIME =
	/^(?:node:)?(?:http|https|http2|net|tls|dgram)$|^(?:undici|n8n-core|express)$/;

const repoRoot = join(__dirname, '..', '..');
const unitFiles = readdirSync(__dirname, { recursive: true, encoding: 'utf8' })
	.filter((name) => name.endsWith('.ts'))
	.map((name) => join(__dirname, name));

describe('test/unit', () => {
	it('has test files to check', () => {
		expect(unitFiles.length).toBeGreaterThan(10);
	});

	it.each(unitFiles.map((file) => [relative(repoRoot, file), file]))(
		'%s reaches no server and no n8n runtime',
		(_name, file) => {
			expect(forbiddenImportChain(file, (specifier) => SERVER_OR_RUNTIME.test(specifier))).toBe(
				undefined,
			);
		},
	);

	it('the check finds what an integration test reaches', () => {
		const check = (file: string) =>
			forbiddenImportChain(join(repoRoot, file), (specifier) => SERVER_OR_RUNTIME.test(specifier));
		expect(check('test/integration/trigger/rig.ts')).toEqual([
			'test/integration/trigger/rig.ts',
			'test/emulator/index.ts',
			'test/emulator/server.ts',
			'node:http',
		]);
		expect(check('test/support/n8nRuntime.ts')).toEqual(['test/support/n8nRuntime.ts', 'n8n-core']);
	});
});
