/* eslint-disable @n8n/community-nodes/no-restricted-globals, no-console -- test-only CLI: prints install progress and sets the exit code */
import { ensureN8n } from './n8nInstaller';
import { N8N_LINES, type N8nLine } from './n8nLines';
import { ensureQueueServices } from './queueServicesInstaller';

/**
 * `npx tsx test/harness/installN8nCli.ts [1|2|floor ...] [--queue-services]`: warms the n8n cache (CI runs this
 * as its own step); `--queue-services` also installs Postgres and Redis for `npm run test:e2e:queue`.
 */
async function main(): Promise<void> {
	const args = process.argv.slice(2);
	const ids = args.filter((arg) => arg !== '--queue-services');
	const lines: N8nLine[] =
		ids.length === 0 ? Object.values(N8N_LINES) : ids.map((id) => N8N_LINES[id as N8nLine['id']]);
	for (const line of lines) {
		if (!line) throw new Error(`Unknown n8n line; use ${Object.keys(N8N_LINES).join(' or ')}`);
		const installation = await ensureN8n(line, (message) => console.log(message));
		console.log(`n8n ${line.n8nVersion} ready in ${installation.dir}`);
	}
	if (args.includes('--queue-services')) {
		const services = await ensureQueueServices((message) => console.log(message));
		console.log(`Postgres in ${services.postgresBinDir}, Redis at ${services.redisServer}`);
	}
}

main().catch((error: Error) => {
	console.error(error.message);
	process.exitCode = 1;
});
