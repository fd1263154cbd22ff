/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- test-only harness: must stop the processes it started when the run ends or is interrupted */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { forget, reapIfOrphaned, removeIfOrphaned } from './reaper';

/**
 * Every child the harness spawns runs in its own process group (n8n forks a task runner, npm forks
 * node-gyp), so a group kill reaches the grandchildren too. Nothing outlives the harness: on
 * Ctrl-C / SIGTERM the registered cleanups run in order (deactivate, stop n8n), and the watchdog
 * in reaper.ts stops whatever is left if the harness dies without them.
 */
const cleanups: Array<() => Promise<void>> = [];
let handlersInstalled = false;
let shuttingDown = false;

export function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
	if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
	try {
		process.kill(-child.pid, signal);
	} catch (error) {
		// ESRCH: the group is already gone, which is what we want. Anything else must not stop the cleanup.
		if ((error as NodeJS.ErrnoException).code !== 'ESRCH')
			console.error(`Could not ${signal} process group ${child.pid}: ${(error as Error).message}`);
	}
}

/**
 * Sends `signal` to the child's process group and waits for the child to exit; SIGKILL to the group
 * if it is still there after `graceMs` (n8n's own shutdown grace, Postgres's fast shutdown…).
 */
export async function stopGroup(
	child: ChildProcess,
	signal: NodeJS.Signals,
	graceMs: number,
): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return;
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	killGroup(child, signal);
	// A cleared timer, not a sleep: a pending timer would keep jest from exiting.
	let timer: NodeJS.Timeout | undefined;
	const graceful = await Promise.race([
		exited.then(() => true),
		new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), graceMs))),
	]);
	clearTimeout(timer);
	if (!graceful) {
		killGroup(child, 'SIGKILL');
		await exited;
	}
}

export function trackChild(child: ChildProcess): void {
	installHandlers();
	const pid = child.pid;
	if (pid === undefined) return;
	reapIfOrphaned(pid);
	child.once('exit', () => forget(pid));
}

/** A fresh folder in the OS temp dir (`<prefix>XXXXXX`); removed by the watchdog if the harness dies. */
export function scratchFolder(prefix: string): string {
	const folder = mkdtempSync(join(tmpdir(), prefix));
	removeIfOrphaned(folder);
	return folder;
}

/**
 * Registers an orderly shutdown step (e.g. stop n8n with SIGTERM); returns its unregister function.
 * Steps run one after the other, the latest first, so that a step registered on top of others
 * (deactivate a workflow) still finds what it needs (a running n8n).
 */
export function onShutdown(cleanup: () => Promise<void>): () => void {
	installHandlers();
	cleanups.push(cleanup);
	return () => {
		const index = cleanups.indexOf(cleanup);
		if (index >= 0) cleanups.splice(index, 1);
	};
}

/** Runs every registered cleanup, latest first, then exits with `exitCode`. */
export async function shutdown(exitCode: number): Promise<void> {
	if (shuttingDown) return;
	shuttingDown = true;
	for (const cleanup of [...cleanups].reverse()) {
		await cleanup().catch((error: Error) => console.error(`Cleanup failed: ${error.message}`));
	}
	process.exit(exitCode);
}

async function interrupted(signal: NodeJS.Signals): Promise<void> {
	console.error(`\n${signal}: stopping everything the harness started (again to force)…`);
	await shutdown(signal === 'SIGINT' ? 130 : 143);
}

function installHandlers(): void {
	if (handlersInstalled) return;
	handlersInstalled = true;
	process.once('SIGINT', () => void interrupted('SIGINT'));
	process.once('SIGTERM', () => void interrupted('SIGTERM'));
}
