/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions -- test-only harness: runs npm, tar, n8n and the queue-mode services */
import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';

import { trackChild } from './processRegistry';
import type { SystemUser } from './systemUser';

export interface RunOptions {
	cwd: string;
	/** Output of the command goes here (appended), so a failure can be diagnosed afterwards. */
	logFile: string;
	env?: NodeJS.ProcessEnv;
	/** Run as this system account (Postgres refuses to run as root). */
	user?: SystemUser;
}

/**
 * Starts a command in its own process group with its output appended to `logFile`, and hands the
 * group to the watchdog: whatever the harness starts is stopped when the harness ends.
 */
export function spawnLogged(command: string, args: string[], options: RunOptions): ChildProcess {
	mkdirSync(dirname(options.logFile), { recursive: true });
	const logFd = openSync(options.logFile, 'a');
	try {
		const child = spawn(command, args, {
			cwd: options.cwd,
			env: options.env ?? process.env,
			stdio: ['ignore', logFd, logFd],
			// Own process group: a group kill reaches grandchildren (n8n's task runner, Postgres's
			// backends), and a terminal Ctrl-C reaches the harness first.
			detached: true,
			uid: options.user?.uid,
			gid: options.user?.gid,
		});
		trackChild(child);
		return child;
	} finally {
		closeSync(logFd);
	}
}

/** Runs a command to completion; a non-zero exit rejects with the command and the end of its log. */
export async function runCommand(
	command: string,
	args: string[],
	options: RunOptions,
): Promise<void> {
	const child = spawnLogged(command, args, options);
	const outcome = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>(
		(resolve, reject) => {
			child.once('error', reject);
			child.once('exit', (code, signal) => resolve({ code, signal }));
		},
	);
	if (outcome.code !== 0) {
		throw new Error(
			`\`${command} ${args.join(' ')}\` in ${options.cwd} ended with ${outcome.signal ?? `exit code ${outcome.code}`}.\n` +
				`Last lines of ${options.logFile}:\n${tailOf(options.logFile, 25)}`,
		);
	}
}

export function tailOf(file: string, lines: number): string {
	try {
		return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
	} catch {
		return '(no output recorded)';
	}
}
