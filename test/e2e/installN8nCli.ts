/* eslint-disable @n8n/community-nodes/no-restricted-globals, no-console -- test-only CLI: prints install progress and sets the exit code */
import { ensureN8n } from './n8nInstaller';
import { N8N_LINES, type N8nLine } from './n8nLines';

/** `npx tsx test/e2e/installN8nCli.ts [1|2 ...]`: warms the n8n cache (CI can run this as its own step). */
async function main(): Promise<void> {
	const ids = process.argv.slice(2);
	const lines: N8nLine[] =
		ids.length === 0 ? Object.values(N8N_LINES) : ids.map((id) => N8N_LINES[id as N8nLine['id']]);
	for (const line of lines) {
		if (!line) throw new Error(`Unknown n8n line; use ${Object.keys(N8N_LINES).join(' or ')}`);
		const installation = await ensureN8n(line, (message) => console.log(message));
		console.log(`n8n ${line.n8nVersion} ready in ${installation.dir}`);
	}
}

main().catch((error: Error) => {
	console.error(error.message);
	process.exitCode = 1;
});
