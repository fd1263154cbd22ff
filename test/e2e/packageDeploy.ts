/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test-only harness: builds, packs and unpacks the package on disk */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { runCommand } from './runCommand';

export const REPO_ROOT = join(__dirname, '..', '..');

const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
	name: string;
	version: string;
};
export const PACKAGE_NAME = manifest.name;

/**
 * Builds the package and packs it the way `npm publish` would, so n8n gets exactly the published
 * file set (`files`, `n8n` manifest, no devDependencies) and not the working tree.
 */
export async function buildAndPack(
	workDir: string,
	progress: (message: string) => void,
): Promise<string> {
	const logFile = join(workDir, 'build.log');
	progress(`Building ${PACKAGE_NAME} (npm run build; log in ${logFile})…`);
	await runCommand('npm', ['run', 'build'], { cwd: REPO_ROOT, logFile });
	await runCommand('npm', ['pack', '--pack-destination', workDir], { cwd: REPO_ROOT, logFile });
	return join(workDir, `${manifest.name}-${manifest.version}.tgz`);
}

/**
 * Unpacks the tarball where n8n's community-package installer puts packages:
 * `$N8N_USER_FOLDER/.n8n/nodes/node_modules/<name>`. Loaded from there, the nodes get their real
 * type names (`n8n-nodes-kakiyo.kakiyoTrigger`) and resolve n8n-workflow to n8n's own copy, as in
 * production; a symlink to the repo would use the devDependency copy instead.
 */
export async function deployPackage(tarball: string, userFolder: string): Promise<void> {
	const nodesFolder = join(userFolder, '.n8n', 'nodes');
	const target = join(nodesFolder, 'node_modules', PACKAGE_NAME);
	mkdirSync(target, { recursive: true });
	// The manifest npm leaves behind when n8n installs a community package.
	writeFileSync(
		join(nodesFolder, 'package.json'),
		JSON.stringify(
			{
				name: 'installed-nodes',
				private: true,
				dependencies: { [PACKAGE_NAME]: manifest.version },
			},
			null,
			2,
		),
	);
	await runCommand('tar', ['-xzf', tarball, '-C', target, '--strip-components=1'], {
		cwd: userFolder,
		logFile: join(userFolder, 'deploy.log'),
	});
	assertComplete(target);
}

/**
 * n8n skips a manifest entry whose file is missing and only says so in its debug log, which
 * later shows up as "Unrecognized credential type". A build running at the same time in this
 * checkout (it starts with `rimraf dist`) can pack a half-empty dist, so check here.
 */
function assertComplete(packageFolder: string): void {
	const deployed = JSON.parse(readFileSync(join(packageFolder, 'package.json'), 'utf8')) as {
		n8n?: { nodes?: string[]; credentials?: string[] };
	};
	const listed = [...(deployed.n8n?.nodes ?? []), ...(deployed.n8n?.credentials ?? [])];
	const missing = listed.filter((file) => !existsSync(join(packageFolder, file)));
	if (listed.length === 0 || missing.length > 0) {
		throw new Error(
			`The packed ${PACKAGE_NAME} lacks ${missing.join(', ') || 'an n8n manifest'}. Was dist/ rebuilt while it was packed? Run again.`,
		);
	}
}
