/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test-only harness: runs Postgres and Redis for queue mode and reads their logs */
import { readFileSync } from 'node:fs';

import { waitFor } from '../support/waitFor';
import { onShutdown, stopGroup } from './processRegistry';
import { spawnLogged, tailOf, type RunOptions } from './runCommand';

export interface ServiceOptions extends RunOptions {
	/** For messages: "Postgres 15 on port 41234". */
	what: string;
	command: string;
	args: string[];
	/** The log line that says the service accepts connections. */
	readyLine: string;
	/** How the service shuts down fast and cleanly (Postgres: SIGINT; Redis: SIGTERM). */
	stopSignal: NodeJS.Signals;
}

export interface RunningService {
	readonly pid: number;
	readonly logFile: string;
	stop(): Promise<void>;
}

/** A long-running server process of the harness, ready when its log says so. */
export async function startService(options: ServiceOptions): Promise<RunningService> {
	const child = spawnLogged(options.command, options.args, options);
	let stopped: Promise<void> | undefined;
	const unregister = onShutdown(async () => await stop());
	const stop = async () => {
		unregister();
		stopped ??= stopGroup(child, options.stopSignal, 15_000);
		await stopped;
	};
	let ready = false;
	try {
		await waitFor(
			async () => {
				if (child.exitCode !== null || child.signalCode !== null) {
					throw new Error(
						`${options.what} exited (${child.signalCode ?? `code ${child.exitCode}`}) while starting. Last lines of ${options.logFile}:\n${tailOf(options.logFile, 20)}`,
					);
				}
				return logOf(options.logFile).includes(options.readyLine) ? true : undefined;
			},
			{
				what: `${options.what} to accept connections`,
				timeoutMs: 60_000,
				intervalMs: 100,
				diagnose: () => tailOf(options.logFile, 20),
			},
		);
		ready = true;
	} finally {
		if (!ready) await stop();
	}
	return { pid: child.pid!, logFile: options.logFile, stop };
}

function logOf(file: string): string {
	try {
		return readFileSync(file, 'utf8');
	} catch {
		return '';
	}
}
