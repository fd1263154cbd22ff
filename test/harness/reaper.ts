/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions -- test-only harness: a watchdog process that stops n8n if the harness dies */
import { spawn, type ChildProcess } from 'node:child_process';

/*
 * A tiny detached Node process that holds the harness's process groups and stops them when its
 * stdin closes, which the OS does however the harness ends: normal exit, crash, SIGKILL, or
 * Ctrl-C under jest (jest gives tests their own `process` object, so signal handlers registered
 * by test code never run). It sends SIGTERM first, SIGKILL after a grace period, then removes
 * the scratch folders. Protocol, one line each: `+<pid>` watch a group, `-<pid>` forget it,
 * `d<path>` remove that folder in the end (already gone after a normal run).
 */
const SCRIPT = `
const groups = new Set();
const folders = new Set();
let pending = '';
process.on('SIGINT', () => {});
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => {
	const lines = (pending + chunk).split('\\n');
	pending = lines.pop();
	for (const line of lines) {
		if (line[0] === '+') groups.add(Number(line.slice(1)));
		if (line[0] === '-') groups.delete(Number(line.slice(1)));
		if (line[0] === 'd') folders.add(line.slice(1));
	}
});
const signal = (name) => { for (const pid of groups) { try { process.kill(-pid, name); } catch { groups.delete(pid); } } };
const finish = () => {
	for (const folder of folders) require('fs').rmSync(folder, { recursive: true, force: true });
	process.exit(0);
};
process.stdin.on('end', () => {
	signal('SIGTERM');
	const deadline = Date.now() + 15000;
	setInterval(() => {
		signal(0);
		if (groups.size === 0) finish();
		if (Date.now() > deadline) { signal('SIGKILL'); finish(); }
	}, 250);
});`;

let reaper: ChildProcess | undefined;

function watchdog(): ChildProcess {
	if (!reaper) {
		reaper = spawn(process.execPath, ['-e', SCRIPT], {
			stdio: ['pipe', 'ignore', 'ignore'],
			detached: true,
		});
		// Neither the process nor its pipe may keep the harness (or jest) alive.
		reaper.unref();
		(reaper.stdin as unknown as { unref(): void }).unref();
	}
	return reaper;
}

/** Hands a process group (a detached child's pid) to the watchdog. */
export function reapIfOrphaned(pid: number): void {
	watchdog().stdin!.write(`+${pid}\n`);
}

/** Scratch folder to remove should the harness die before it does so itself. */
export function removeIfOrphaned(folder: string): void {
	watchdog().stdin!.write(`d${folder}\n`);
}

/** The group ended normally: nothing to stop any more. */
export function forget(pid: number): void {
	reaper?.stdin!.write(`-${pid}\n`);
}
