/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- test-only: reads the repository's files, found from __dirname */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, extname, join, relative, resolve } from 'node:path';

/**
 * A clone of the public repository must be enough to follow every reference in it: no citation of
 * notes that only a build machine has, no path of that machine, and every link to one of our own
 * documents lands on a heading that exists.
 */
const REPO_ROOT = resolve(__dirname, '..', '..', '..');
// What git ignores or keeps for itself (in a worktree `.git` is a file naming the main checkout).
const SKIPPED = new Set(['node_modules', 'dist', 'coverage', '.git', '.tmp']);
const TEXT_EXTENSIONS = new Set(['.ts', '.js', '.mjs', '.json', '.md', '.yml', '.yaml', '']);

function repositoryFiles(folder = REPO_ROOT): string[] {
	return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
		const path = join(folder, entry.name);
		if (SKIPPED.has(entry.name) || entry.name.startsWith('.emulator-state')) return [];
		if (entry.isDirectory()) return repositoryFiles(path);
		if (!entry.isFile() || entry.name === 'package-lock.json') return [];
		return TEXT_EXTENSIONS.has(extname(entry.name)) ? [path] : [];
	});
}

// Assembled from parts, so that this file does not match itself.
const NOTES = ['kakiyo-api-spec', 'kakiyo-contract', 'kakiyo-api-research', 'n8n-field-notes'];
const OUTSIDE_REFERENCES: Array<[string, RegExp]> = [
	['a research note', new RegExp(`(?:${[...NOTES, 'n8n-runtime-notes'].join('|')})\\b`)],
	['a section of the spec', new RegExp(['spec', '\\s+(?:§|C\\d)'].join(''))],
	['a machine path', new RegExp(['/', 'work/'].join(''))],
	['the shared notes folder', new RegExp(['\\.\\./', 'shared/[\\w-]+\\.md'].join(''))],
];

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens. */
function slug(heading: string): string {
	return heading
		.trim()
		.toLowerCase()
		.replace(/[^\p{L}\p{N}\s_-]/gu, '')
		.replace(/\s/g, '-');
}

function anchorsOf(markdownFile: string): Set<string> {
	const text = readFileSync(markdownFile, 'utf8').replace(/```[\s\S]*?```/g, '');
	const headings = [...text.matchAll(/^#{1,6}\s+(.+)$/gm)].map((match) => slug(match[1]));
	return new Set(headings);
}

/**
 * `docs/x.md#anchor` from the repository root, `x.md#anchor` relative to a document, and the README's
 * anchors the codex files and the credential link to on GitHub.
 */
function linkedAnchors(file: string, text: string): Array<{ target: string; anchor: string }> {
	const readme = [...text.matchAll(/github\.com\/kakiyo-community\/n8n-nodes-kakiyo#([\w-]+)/g)];
	// `#readme` is GitHub's own anchor for the README (package.json's homepage).
	const fromReadme = readme
		.filter(([, anchor]) => anchor !== 'readme')
		.map(([, anchor]) => ({ target: join(REPO_ROOT, 'README.md'), anchor }));
	const links = [...text.matchAll(/([\w./-]*\.md)#([\w-]+)/g)];
	return fromReadme.concat(
		links.flatMap(([, path, anchor]) => {
			if (/^https?:/.test(path)) return [];
			const candidates = [resolve(dirname(file), path), resolve(REPO_ROOT, path)];
			const target = candidates.find((candidate) => files.includes(candidate));
			return [{ target: target ?? path, anchor }];
		}),
	);
}

const files = repositoryFiles();
const thisFile = resolve(__filename);

describe('the repository stands on its own', () => {
	it('has files to check, this guide among them', () => {
		expect(files).toContain(join(REPO_ROOT, 'docs', 'kakiyo-api.md'));
		expect(files.length).toBeGreaterThan(300);
	});

	it.each(OUTSIDE_REFERENCES)('cites no %s', (_what, pattern) => {
		const found = files
			.filter((file) => file !== thisFile)
			.flatMap((file) =>
				readFileSync(file, 'utf8')
					.split('\n')
					.flatMap((line, index) =>
						pattern.test(line) ? [`${relative(REPO_ROOT, file)}:${index + 1}: ${line.trim()}`] : [],
					),
			);
		expect(found).toEqual([]);
	});

	it('links only to headings that exist in its own documents', () => {
		const broken = files
			.filter((file) => file !== thisFile)
			.flatMap((file) =>
				linkedAnchors(file, readFileSync(file, 'utf8'))
					.filter(({ target, anchor }) => !files.includes(target) || !anchorsOf(target).has(anchor))
					.map(
						({ target, anchor }) =>
							`${relative(REPO_ROOT, file)} → ${relative(REPO_ROOT, target)}#${anchor}`,
					),
			);
		expect(broken).toEqual([]);
	});

	it('the link check sees a broken anchor', () => {
		const file = join(REPO_ROOT, 'README.md');
		const [link] = linkedAnchors(file, 'see docs/kakiyo-api.md#no-such-heading');
		expect(link.target).toBe(join(REPO_ROOT, 'docs', 'kakiyo-api.md'));
		expect(anchorsOf(link.target).has(link.anchor)).toBe(false);
		expect(anchorsOf(link.target).has('paging')).toBe(true);
	});
});
