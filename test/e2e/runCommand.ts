/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions -- test-only harness: runs npm and tar to install n8n and deploy the package */
import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';

import { trackChild } from './processRegistry';

export interface RunOptions {
	cwd: string;
	/** Output of the command goes here (appended), so a failure can be diagnosed afterwards. */
	logFile: string;
	env?: NodeJS.ProcessEnv;
}

/** Runs a command to completion; a non-zero exit rejects with the command and the end of its log. */
export async function runCommand(
	command: string,
	args: string[],
	options: RunOptions,
): Promise<void> {
	mkdirSync(dirname(options.logFile), { recursive: true });
	const logFd = openSync(options.logFile, 'a');
	try {
		const child = spawn(command, args, {
			cwd: options.cwd,
			env: options.env ?? process.env,
			stdio: ['ignore', logFd, logFd],
			detached: true,
		});
		trackChild(child);
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
	} finally {
		closeSync(logFd);
	}
}

export function tailOf(file: string, lines: number): string {
	try {
		return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
	} catch {
		return '(no output recorded)';
	}
}
