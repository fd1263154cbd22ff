/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions -- benchmark: reads CPU times of n8n's processes from /proc (and the clock tick rate from getconf) */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());

/**
 * CPU time (user + system, in ms) used so far by every process in the given process groups. The
 * harness starts each n8n process (and Postgres, Redis) as a group leader, and n8n's task runner
 * inherits the group, so a group is "n8n plus its children". Children that already exited count
 * through their parent's cutime/cstime.
 */
export function groupCpuMs(groupLeaders: number[]): number {
	const groups = new Set(groupLeaders);
	let ticks = 0;
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		let stat: string;
		try {
			stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
		} catch {
			continue; // The process ended while we looked.
		}
		// Fields after the command name, which is in parentheses and may itself contain spaces.
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		// proc(5): field 5 pgrp, 14 utime, 15 stime, 16 cutime, 17 cstime; fields[0] is field 3.
		if (!groups.has(Number(fields[2]))) continue;
		ticks += Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
	}
	return (ticks * 1000) / TICKS_PER_SECOND;
}
