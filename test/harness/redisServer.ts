/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test-only harness: a private Redis in a scratch folder for queue mode */
import { rmSync } from 'node:fs';
import { join } from 'node:path';

import { freePort } from './freePort';
import { scratchFolder } from './processRegistry';
import { startService } from './serviceProcess';

export interface RunningRedis {
	readonly host: string;
	readonly port: number;
	readonly pid: number;
	readonly logFile: string;
	/** Stops the server and removes its folder. */
	close(): Promise<void>;
}

/** A throwaway Redis on a free loopback port: nothing saved to disk, no persistence. */
export async function startRedis(redisServer: string): Promise<RunningRedis> {
	const folder = scratchFolder('kakiyo-redis-');
	const logFile = join(folder, 'redis.log');
	let ready = false;
	try {
		const port = await freePort();
		const server = await startService({
			what: `Redis on port ${port}`,
			command: redisServer,
			args: [
				'--port',
				String(port),
				'--bind',
				'127.0.0.1',
				'--save',
				'',
				'--appendonly',
				'no',
				'--dir',
				folder,
			],
			cwd: folder,
			logFile,
			readyLine: 'Ready to accept connections',
			stopSignal: 'SIGTERM',
		});
		ready = true;
		return {
			host: '127.0.0.1',
			port,
			pid: server.pid,
			logFile,
			close: async () => {
				await server.stop();
				rmSync(folder, { recursive: true, force: true });
			},
		};
	} finally {
		if (!ready) rmSync(folder, { recursive: true, force: true });
	}
}
