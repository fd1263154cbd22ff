/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- test-only: reads source files (from the repository root, found from __dirname) to follow their imports */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

const REPO_ROOT = resolve(__dirname, '..', '..');
const EXTENSIONS = ['', '.ts', '.json', '/index.ts'];

/**
 * Follows a file's imports through the repository (relative specifiers) and returns the first chain that
 * reaches a module `isForbidden` names, as repository paths ending in the module: ['test/unit/a.test.ts',
 * 'test/emulator/index.ts', 'test/emulator/server.ts', 'node:http']. Packages are not followed into.
 * Imports are read with TypeScript's pre-processor, so a `require('…')` inside a string does not count.
 */
export function forbiddenImportChain(
	file: string,
	isForbidden: (specifier: string) => boolean,
): string[] | undefined {
	const seen = new Set<string>();
	const walk = (path: string, chain: string[]): string[] | undefined => {
		if (seen.has(path)) return undefined;
		seen.add(path);
		if (!path.endsWith('.ts')) return undefined;
		const here = [...chain, relative(REPO_ROOT, path)];
		for (const specifier of importsOf(path)) {
			if (specifier.startsWith('.')) {
				const target = resolveRelative(dirname(path), specifier);
				if (target === undefined) throw new Error(`${here.at(-1)}: cannot resolve '${specifier}'`);
				const found = walk(target, here);
				if (found) return found;
			} else if (isForbidden(specifier)) {
				return [...here, specifier];
			}
		}
		return undefined;
	};
	return walk(resolve(file), []);
}

function importsOf(path: string): string[] {
	const { importedFiles } = ts.preProcessFile(readFileSync(path, 'utf8'), true, true);
	return importedFiles.map((imported) => imported.fileName);
}

function resolveRelative(fromDir: string, specifier: string): string | undefined {
	return EXTENSIONS.map((extension) => join(fromDir, specifier + extension)).find(
		(candidate) => existsSync(candidate) && statSync(candidate).isFile(),
	);
}
