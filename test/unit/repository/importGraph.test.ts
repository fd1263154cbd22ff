/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- test-only: lists the repository's source files, found from __dirname */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

import { importCycles, localImportsOf } from '../../support/importGraph';

/**
 * The shape of the import graph: no cycles anywhere; the shipped code (`nodes/`, `credentials/`)
 * reaches nothing of the tests or the tooling; the tooling (`scripts/`) nothing of the tests.
 */
const REPO_ROOT = resolve(__dirname, '..', '..', '..');

function typeScriptFiles(folder: string): string[] {
	return readdirSync(join(REPO_ROOT, folder), { recursive: true, encoding: 'utf8' })
		.filter((name) => name.endsWith('.ts'))
		.map((name) => join(REPO_ROOT, folder, name));
}

const shipped = [...typeScriptFiles('nodes'), ...typeScriptFiles('credentials')];
const tooling = typeScriptFiles('scripts');
const everything = [...shipped, ...tooling, ...typeScriptFiles('test')];
const inFolder = (folder: string) => (file: string) =>
	relative(REPO_ROOT, file).startsWith(`${folder}/`);

/** The first chain from `file` to a repository file in one of `folders`, or undefined. */
function chainInto(file: string, folders: string[]): string[] | undefined {
	const seen = new Set<string>();
	const walk = (path: string, chain: string[]): string[] | undefined => {
		if (seen.has(path)) return undefined;
		seen.add(path);
		const here = [...chain, relative(REPO_ROOT, path)];
		if (chain.length > 0 && folders.some((folder) => inFolder(folder)(path))) return here;
		for (const target of localImportsOf(path)) {
			const found = walk(target, here);
			if (found) return found;
		}
		return undefined;
	};
	return walk(file, []);
}

describe('the import graph', () => {
	it('has files to check', () => {
		expect(shipped.length).toBeGreaterThan(90);
		expect(tooling.length).toBeGreaterThan(2);
	});

	it('has no cycles', () => {
		expect(importCycles(everything)).toEqual([]);
	});

	it.each(shipped.map((file) => [relative(REPO_ROOT, file), file]))(
		'%s reaches nothing in test/ or scripts/',
		(_name, file) => {
			expect(chainInto(file, ['test', 'scripts'])).toBeUndefined();
		},
	);

	it.each(tooling.map((file) => [relative(REPO_ROOT, file), file]))(
		'%s reaches nothing in test/',
		(_name, file) => {
			expect(chainInto(file, ['test'])).toBeUndefined();
		},
	);

	it('the checks see a cycle and a chain into another folder', () => {
		const folder = join(REPO_ROOT, 'test', '.tmp', 'import-cycle');
		mkdirSync(folder, { recursive: true });
		try {
			writeFileSync(join(folder, 'a.ts'), "import { b } from './b';\nexport const a = () => b;\n");
			writeFileSync(join(folder, 'b.ts'), "import { a } from './a';\nexport const b = () => a;\n");
			expect(importCycles([join(folder, 'a.ts')])).toEqual([
				[
					'test/.tmp/import-cycle/a.ts',
					'test/.tmp/import-cycle/b.ts',
					'test/.tmp/import-cycle/a.ts',
				],
			]);
		} finally {
			rmSync(folder, { recursive: true, force: true });
		}
		const rig = join(REPO_ROOT, 'test', 'integration', 'trigger', 'rig.ts');
		expect(chainInto(rig, ['nodes'])?.at(-1)).toMatch(/^nodes\//);
	});
});
