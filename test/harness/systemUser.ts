/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test-only harness: reads the system's account database */
import { readFileSync } from 'node:fs';

export interface SystemUser {
	name: string;
	uid: number;
	gid: number;
}

/** A local account from /etc/passwd (e.g. `postgres`, which the Debian package creates). */
export function systemUser(name: string): SystemUser {
	const line = readFileSync('/etc/passwd', 'utf8')
		.split('\n')
		.find((entry) => entry.split(':')[0] === name);
	if (!line) throw new Error(`There is no system user "${name}" in /etc/passwd`);
	const [, , uid, gid] = line.split(':');
	return { name, uid: Number(uid), gid: Number(gid) };
}
