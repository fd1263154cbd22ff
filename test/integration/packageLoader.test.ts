/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-dangerous-functions -- test-only: packs the package and unpacks it as n8n installs a community package */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PackageDirectoryLoader } from 'n8n-core';
import type { INodeTypeDescription, TriggerPanelDefinition } from 'n8n-workflow';

const repoRoot = resolve(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
	name: string;
	n8n: { nodes: string[]; credentials: string[] };
};

/**
 * Loads the package the way n8n does: `npm pack` (so only the published files exist), unpacked into a
 * folder of its own, read by n8n-core's PackageDirectoryLoader. Needs `npm run build` first (`npm test`
 * runs it).
 */
describe('n8n loads the packed package', () => {
	let packageDir: string;
	let loader: PackageDirectoryLoader;
	let workDir: string;
	let tarballPath: string;

	beforeAll(async () => {
		if (!existsSync(join(repoRoot, 'dist')))
			throw new Error('Run `npm run build` before this test');
		workDir = mkdtempSync(join(tmpdir(), 'kakiyo-pack-'));
		const tarball = execFileSync('npm', ['pack', '--silent', '--pack-destination', workDir], {
			cwd: repoRoot,
			encoding: 'utf8',
		})
			.trim()
			.split('\n')
			.pop()!;
		tarballPath = join(workDir, tarball);
		packageDir = join(workDir, 'package');
		execFileSync('tar', ['-xzf', tarballPath, '-C', workDir]);
		loader = new PackageDirectoryLoader(packageDir);
		await loader.loadAll();
	}, 60_000);

	afterAll(() => {
		rmSync(workDir, { recursive: true, force: true });
	});

	it('ships only dist, package.json, README and LICENSE', () => {
		const listing = execFileSync('tar', ['-tzf', tarballPath], { encoding: 'utf8' })
			.trim()
			.split('\n')
			.map((entry) => entry.replace(/^package\//, '').split('/')[0]);
		expect([...new Set(listing)].sort()).toEqual(['LICENSE', 'README.md', 'dist', 'package.json']);
	});

	it('loads the Kakiyo API credential with its test request and icons', () => {
		expect(loader.packageName).toBe(manifest.name);
		expect(Object.keys(loader.known.credentials)).toEqual(['kakiyoApi']);
		const credential = loader.getCredential('kakiyoApi').type;
		expect(credential.displayName).toBe('Kakiyo API');
		expect(credential.test?.request.url).toBe('/verify');
		expect(credential.properties.map((property) => property.name)).toEqual(['apiKey', 'url']);
		expect(credential.properties[0].typeOptions?.password).toBe(true);
		expect(loader.known.credentials.kakiyoApi.supportedNodes).toEqual(
			expect.arrayContaining(['kakiyoTrigger', 'kakiyo']),
		);
	});

	it('loads every node listed in package.json with a valid description', () => {
		expect(manifest.n8n.nodes.length).toBeGreaterThanOrEqual(2);
		const descriptions = new Map<string, INodeTypeDescription>(
			loader.types.nodes.map((description) => [description.name, description]),
		);
		for (const name of ['kakiyoTrigger', 'kakiyo']) {
			const description = descriptions.get(name);
			expect(description).toBeDefined();
			expect(loader.getNode(name).type).toBeDefined();
			expect(description!.credentials?.map((credential) => credential.name)).toEqual(['kakiyoApi']);
			expect(description!.subtitle).toEqual(expect.any(String));
			expect(description!.properties.length).toBeGreaterThan(0);
			// The loader rewrites `file:` icons to URLs, and records where each file lives.
			expect(description!.iconUrl).toEqual({
				light: expect.stringMatching(/^icons\/n8n-nodes-kakiyo\/dist\/icons\/kakiyo\.svg$/),
				dark: expect.stringMatching(/^icons\/n8n-nodes-kakiyo\/dist\/icons\/kakiyo\.dark\.svg$/),
			});
			expect(description!.codex?.categories?.length).toBeGreaterThan(0);
			expect(description!.codex?.resources?.primaryDocumentation?.length).toBeGreaterThan(0);
		}
		expect(descriptions.get('kakiyoTrigger')!.group).toEqual(['trigger']);
		expect(descriptions.get('kakiyoTrigger')!.usableAsTool).toBeUndefined();
		expect(descriptions.get('kakiyo')!.usableAsTool).toBe(true);
	});

	it("gives the editor the trigger's own panel texts for an inactive and an active workflow", () => {
		const trigger = loader.types.nodes.find((description) => description.name === 'kakiyoTrigger');
		const panel = trigger!.triggerPanel as TriggerPanelDefinition;
		expect(panel.header).toMatch(/Kakiyo/);
		const help = panel.executionsHelp as { active: string; inactive: string };
		const hint = panel.activationHint as { active: string; inactive: string };
		for (const text of [help.inactive, help.active, hint.inactive, hint.active])
			expect(text).toMatch(/Kakiyo/);
		// The inactive texts say how to go live, on both n8n lines' wording; the active ones say it is.
		expect(help.inactive).toMatch(/publish \(activate\)/);
		expect(hint.inactive).toMatch(/publish \(activate\)/);
		expect(help.active).toMatch(/since it's published/);
		expect(help.active).toContain('data-key="executions"');
	});

	it('ships every icon file the loader points at', () => {
		for (const description of loader.types.nodes) {
			const icons = description.iconUrl as { light: string; dark: string };
			for (const url of [icons.light, icons.dark]) {
				const file = join(packageDir, url.replace(`icons/${manifest.name}/`, ''));
				expect(existsSync(file)).toBe(true);
			}
		}
	});
});
