/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test-only harness: installs Debian's Postgres and Redis for the queue-mode suite */
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { cacheRoot, seconds } from './n8nInstaller';
import { runCommand } from './runCommand';

/** The server binaries queue mode needs, from Debian's `postgresql` and `redis-server` packages. */
export interface QueueServiceBinaries {
	/** e.g. /usr/lib/postgresql/15/bin (initdb, postgres, createdb). */
	postgresBinDir: string;
	redisServer: string;
}

const POSTGRES_ROOT = '/usr/lib/postgresql';
const REDIS_SERVER = '/usr/bin/redis-server';
// Debian's convention for "do not start services from maintainer scripts" (Docker images ship it).
const POLICY_RC_D = '/usr/sbin/policy-rc.d';

/**
 * Finds Postgres and Redis, installing the Debian packages when either is missing. The packages'
 * own services are never started: the harness runs private instances in scratch folders.
 */
export async function ensureQueueServices(
	progress: (message: string) => void,
): Promise<QueueServiceBinaries> {
	const found = findBinaries();
	if (found) return found;
	// Only what is missing: naming an installed package would upgrade it.
	const packages = [
		...(postgresBinDir() ? [] : ['postgresql']),
		...(existsSync(REDIS_SERVER) ? [] : ['redis-server']),
	];
	if (process.getuid?.() !== 0) {
		throw new Error(
			`Queue mode needs Postgres and Redis. Install them as root: apt-get install -y ${packages.join(' ')}`,
		);
	}
	const logFile = join(cacheRoot(), 'logs', 'apt-queue-services.log');
	const started = Date.now();
	progress(`Installing ${packages.join(' and ')} with apt-get (log: ${logFile})…`);
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	// Another developer's run may be installing at the same moment: wait for dpkg's lock.
	const apt = ['-o', 'DPkg::Lock::Timeout=600', '-y', '-q'];
	const blockServices = !existsSync(POLICY_RC_D);
	if (blockServices) writeFileSync(POLICY_RC_D, '#!/bin/sh\nexit 101\n', { mode: 0o755 });
	try {
		await runCommand('apt-get', [...apt, 'update'], { cwd: '/', logFile, env });
		await runCommand('apt-get', [...apt, 'install', '--no-install-recommends', ...packages], {
			cwd: '/',
			logFile,
			env,
		});
	} finally {
		if (blockServices) rmSync(POLICY_RC_D, { force: true });
	}
	const installed = findBinaries();
	if (!installed)
		throw new Error(
			`apt-get installed ${packages.join(' ')}, but the server binaries are still missing`,
		);
	progress(`Installed Postgres and Redis in ${seconds(started)}`);
	return installed;
}

function findBinaries(): QueueServiceBinaries | undefined {
	const postgres = postgresBinDir();
	if (!postgres || !existsSync(REDIS_SERVER)) return undefined;
	return { postgresBinDir: postgres, redisServer: REDIS_SERVER };
}

/** The newest installed major version's bin folder (Debian 12 ships 15). */
function postgresBinDir(): string | undefined {
	if (!existsSync(POSTGRES_ROOT)) return undefined;
	const [newest] = readdirSync(POSTGRES_ROOT)
		.filter((entry) => existsSync(join(POSTGRES_ROOT, entry, 'bin', 'postgres')))
		.sort((a, b) => Number(b) - Number(a));
	return newest === undefined ? undefined : join(POSTGRES_ROOT, newest, 'bin');
}
