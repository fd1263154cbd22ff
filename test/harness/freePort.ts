/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test-only harness: asks the OS for a free loopback port */
import { createServer } from 'node:net';

/** `preferred` when it is free on 127.0.0.1, otherwise (or when 0) a port the OS picks. */
export async function freePort(preferred = 0): Promise<number> {
	return (preferred !== 0 && (await listenOnce(preferred))) || ((await listenOnce(0)) as number);
}

/** Listens and closes at once; resolves the port, or undefined when it is taken. */
async function listenOnce(port: number): Promise<number | undefined> {
	return await new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', (error: NodeJS.ErrnoException) =>
			error.code === 'EADDRINUSE' ? resolve(undefined) : reject(error),
		);
		server.listen(port, '127.0.0.1', () => {
			const address = server.address();
			const chosen = typeof address === 'object' && address ? address.port : port;
			server.close(() => resolve(chosen));
		});
	});
}
