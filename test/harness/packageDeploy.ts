/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test-only harness: unpacks the package on disk */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { PACKAGE } from '../../scripts/packPackage';
import { runCommand } from './runCommand';

/** A packed community package: its tarball and the name and version it installs as. */
export interface PackedPackage {
	tarball: string;
	name: string;
	version: string;
}

/**
 * Unpacks the tarball where n8n's community-package installer puts packages:
 * `$N8N_USER_FOLDER/.n8n/nodes/node_modules/<name>`. Loaded from there, the nodes get their real
 * type names (`n8n-nodes-kakiyo.kakiyoTrigger`) and resolve n8n-workflow to n8n's own copy, as in
 * production; a symlink to the repo would use the devDependency copy instead. `pkg` names another
 * package to install beside this one (the tarball is then its own).
 */
export async function deployPackage(
	tarball: string,
	userFolder: string,
	pkg: Omit<PackedPackage, 'tarball'> = PACKAGE,
): Promise<void> {
	const nodesFolder = join(userFolder, '.n8n', 'nodes');
	const target = join(nodesFolder, 'node_modules', pkg.name);
	mkdirSync(target, { recursive: true });
	updateInstalledManifest(nodesFolder, (dependencies) => ({
		...dependencies,
		[pkg.name]: pkg.version,
	}));
	await runCommand('tar', ['-xzf', tarball, '-C', target, '--strip-components=1'], {
		cwd: userFolder,
		logFile: join(userFolder, 'deploy.log'),
	});
	assertComplete(target, pkg.name);
}

/** Removes a deployed package, as uninstalling it from n8n's nodes folder does (n8n must be stopped). */
export function removeDeployedPackage(userFolder: string, name: string): void {
	const nodesFolder = join(userFolder, '.n8n', 'nodes');
	rmSync(join(nodesFolder, 'node_modules', name), { recursive: true, force: true });
	updateInstalledManifest(nodesFolder, (dependencies) =>
		Object.fromEntries(Object.entries(dependencies).filter(([dependency]) => dependency !== name)),
	);
}

/** The manifest npm leaves behind when n8n installs community packages, one dependency each. */
function updateInstalledManifest(
	nodesFolder: string,
	change: (dependencies: Record<string, string>) => Record<string, string>,
): void {
	const file = join(nodesFolder, 'package.json');
	const current = existsSync(file)
		? (JSON.parse(readFileSync(file, 'utf8')) as { dependencies?: Record<string, string> })
		: {};
	writeFileSync(
		file,
		JSON.stringify(
			{ name: 'installed-nodes', private: true, dependencies: change(current.dependencies ?? {}) },
			null,
			2,
		),
	);
}

/**
 * n8n skips a manifest entry whose file is missing and only says so in its debug log, which
 * later shows up as "Unrecognized credential type". A build running at the same time in this
 * checkout (it starts with `rimraf dist`) can pack a half-empty dist, so check here.
 */
function assertComplete(packageFolder: string, name: string): void {
	const deployed = JSON.parse(readFileSync(join(packageFolder, 'package.json'), 'utf8')) as {
		n8n?: { nodes?: string[]; credentials?: string[] };
	};
	const listed = [...(deployed.n8n?.nodes ?? []), ...(deployed.n8n?.credentials ?? [])];
	const missing = listed.filter((file) => !existsSync(join(packageFolder, file)));
	if (listed.length === 0 || missing.length > 0) {
		throw new Error(
			`The packed ${name} lacks ${missing.join(', ') || 'an n8n manifest'}. Was dist/ rebuilt while it was packed? Run again.`,
		);
	}
}
