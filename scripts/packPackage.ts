/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- release tooling, not shipped: runs npm and tar on the package */
import { execFile } from 'node:child_process';
import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

export const REPO_ROOT = join(__dirname, '..');

/** The name and version the package installs as. */
export const PACKAGE = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
	name: string;
	version: string;
};

const execFileAsync = promisify(execFile);

/** Runs a command to completion, its output appended to `logFile`; a failure says where to look. */
export async function runLogged(
	command: string,
	args: string[],
	options: { cwd: string; logFile: string },
): Promise<void> {
	const line = `${command} ${args.join(' ')}`;
	const outcome = await execFileAsync(command, args, {
		cwd: options.cwd,
		maxBuffer: 64 * 1024 * 1024,
	}).then(
		({ stdout, stderr }) => ({ failed: false, output: `${stdout}${stderr}` }),
		(error: { stdout?: string; stderr?: string; message: string }) => ({
			failed: true,
			output: `${error.stdout ?? ''}${error.stderr ?? ''}${error.message}\n`,
		}),
	);
	appendFileSync(options.logFile, `$ ${line}\n${outcome.output}`);
	if (outcome.failed) {
		const tail = outcome.output.trimEnd().split('\n').slice(-25).join('\n');
		throw new Error(`\`${line}\` in ${options.cwd} failed (log: ${options.logFile}):\n${tail}`);
	}
}

/**
 * Builds the package and packs it the way `npm publish` would, so what is checked or installed is
 * exactly the published file set (`files`, the `n8n` manifest, no devDependencies), not the working tree.
 */
export async function buildAndPack(
	workDir: string,
	progress: (message: string) => void,
): Promise<string> {
	const logFile = join(workDir, 'build.log');
	progress(`Building ${PACKAGE.name} (npm run build; log in ${logFile})…`);
	await runLogged('npm', ['run', 'build'], { cwd: REPO_ROOT, logFile });
	await runLogged('npm', ['pack', '--pack-destination', workDir], { cwd: REPO_ROOT, logFile });
	return join(workDir, `${PACKAGE.name}-${PACKAGE.version}.tgz`);
}
