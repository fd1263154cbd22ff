/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test-only harness: a private Postgres in a scratch folder for queue mode */
import { chownSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { freePort } from './freePort';
import { scratchFolder } from './processRegistry';
import { runCommand } from './runCommand';
import { startService, type RunningService } from './serviceProcess';
import { systemUser } from './systemUser';

export interface PostgresConnection {
	host: string;
	port: number;
	database: string;
	user: string;
}

export interface RunningPostgres {
	readonly connection: PostgresConnection;
	readonly pid: number;
	readonly logFile: string;
	/** Stops the server and removes its folder. */
	close(): Promise<void>;
}

const DATABASE = 'n8n';

/**
 * A throwaway Postgres on a free loopback port, with one database for n8n. Postgres refuses to run
 * as root, so the cluster belongs to Debian's `postgres` account; trust authentication on
 * 127.0.0.1 only. fsync is off: the data is thrown away, and a disk shared by several developers
 * should not make n8n's timings swing.
 */
export async function startPostgres(binDir: string): Promise<RunningPostgres> {
	const user = systemUser('postgres');
	const folder = scratchFolder('kakiyo-pg-');
	chownSync(folder, user.uid, user.gid);
	const dataDir = join(folder, 'data');
	const logFile = join(folder, 'postgres.log');
	const remove = () => rmSync(folder, { recursive: true, force: true });
	let server: RunningService | undefined;
	let ready = false;
	try {
		await runCommand(
			join(binDir, 'initdb'),
			[
				'-D',
				dataDir,
				'-U',
				'postgres',
				'--auth=trust',
				'--encoding=UTF8',
				'--locale=C',
				'--no-sync',
			],
			{ cwd: folder, logFile, user },
		);
		const port = await freePort();
		server = await startService({
			what: `Postgres on port ${port}`,
			command: join(binDir, 'postgres'),
			args: [
				'-D',
				dataDir,
				'-p',
				String(port),
				'-k',
				folder,
				'-c',
				'listen_addresses=127.0.0.1',
				'-c',
				'fsync=off',
				'-c',
				'full_page_writes=off',
			],
			cwd: folder,
			logFile,
			user,
			readyLine: 'database system is ready to accept connections',
			// Fast shutdown: n8n's pooled connections must not hold it up.
			stopSignal: 'SIGINT',
		});
		const connection = { host: '127.0.0.1', port, database: DATABASE, user: 'postgres' };
		await runCommand(
			join(binDir, 'createdb'),
			['-h', connection.host, '-p', String(port), '-U', connection.user, DATABASE],
			{ cwd: folder, logFile },
		);
		const running = server;
		ready = true;
		return {
			connection,
			pid: running.pid,
			logFile,
			close: async () => {
				await running.stop();
				remove();
			},
		};
	} finally {
		if (!ready) {
			await server?.stop();
			remove();
		}
	}
}
