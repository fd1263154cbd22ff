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

/** The repository files a file imports directly (relative specifiers), as absolute paths. */
export function localImportsOf(path: string): string[] {
	return importsOf(path)
		.filter((specifier) => specifier.startsWith('.'))
		.map((specifier) => {
			const target = resolveRelative(dirname(path), specifier);
			if (target === undefined) {
				throw new Error(`${relative(REPO_ROOT, path)}: cannot resolve '${specifier}'`);
			}
			return target;
		})
		.filter((target) => target.endsWith('.ts'));
}

/**
 * The import cycles among the TypeScript files reachable from `files` (type-only imports count too:
 * a cycle is a knot to untie whatever the compiler erases), each as a chain of repository paths that
 * ends where it starts.
 */
export function importCycles(files: string[]): string[][] {
	const cycles: string[][] = [];
	const done = new Set<string>();
	const onPath: string[] = [];
	const visit = (path: string): void => {
		const at = onPath.indexOf(path);
		if (at >= 0) {
			cycles.push([...onPath.slice(at), path].map((file) => relative(REPO_ROOT, file)));
			return;
		}
		if (done.has(path)) return;
		onPath.push(path);
		for (const target of localImportsOf(path)) visit(target);
		onPath.pop();
		done.add(path);
	};
	for (const file of files) visit(resolve(file));
	return cycles;
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
