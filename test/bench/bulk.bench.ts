/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @typescript-eslint/no-require-imports, no-console -- benchmark CLI: reads argv, prints the report, sets the exit code, and loads the runs only once n8n-core's environment and TypeScript resolution are set */
/**
 * `npm run bench:bulk`: 1,000 rows through the Kakiyo node (n8n-core's real execute context) against
 * the emulator answering every call 150 ms late, as a distant Kakiyo would. For each batch operation,
 * Input "One per Input Item" (batched) and the one-call-per-row operation run side by side in one
 * run, on the same rows. It reports calls and credits per 1,000 rows, the wall time, and the least
 * time Kakiyo's documented rate limits would allow those calls; it never fails on a number.
 */
import { parseArgs } from 'node:util';
import { inTestRuntime } from '../support/scriptRuntime';
import type * as BulkRuns from './bulkRuns';

const USAGE = `Usage: npm run bench:bulk -- [--rows N] [--latency MS]
  --rows N       input rows per run (default 1000); figures are given per 1,000 rows
  --latency MS   delay of every emulator answer (default 150)`;

async function main(): Promise<void> {
	const { values } = parseArgs({
		options: {
			rows: { type: 'string', default: '1000' },
			latency: { type: 'string', default: '150' },
			help: { type: 'boolean', default: false },
		},
	});
	if (values.help) return console.log(USAGE);
	const count = Number(values.rows);
	const latencyMs = Number(values.latency);
	if (!Number.isInteger(count) || count < 1 || !(latencyMs >= 0)) throw new Error(USAGE);

	await inTestRuntime(async () => {
		const { benchBulk } = require('./bulkRuns') as typeof BulkRuns;
		const table = await benchBulk(count, latencyMs);
		console.log(
			`Bulk input: ${count} rows, the emulator answering every call ${latencyMs} ms late ` +
				'(n8n-core execute context, one process, the shipped retry policy)',
		);
		console.table(table);
		console.log(
			"At Kakiyo's limit: the least minutes those calls take under Kakiyo's documented requests " +
				'a minute for the endpoint (60; Do Not Contact: 30 for Add, 10 for Add Many). ' +
				'Reported only, never enforced.',
		);
	});
}

main().catch((error: Error) => {
	console.error(error.message);
	process.exitCode = 1;
});
