/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @typescript-eslint/no-require-imports, no-console -- test-only CLI: reads argv, prints the report, sets the exit code, and loads the fuzzer only once n8n-core's environment and TypeScript resolution are set */
/**
 * `npm run fuzz -- [--iterations N] [--seed S]`: the signature fuzzer of `npm test`
 * (signatureFuzz.test.ts), run as long as you like (100,000 deliveries by default). Without a seed
 * (or KAKIYO_FUZZ_SEED) it picks one and prints it. Exits 1 when any delivery was handled wrongly,
 * 2 on bad arguments.
 */
import { parseArgs } from 'node:util';
import { seedFrom } from '../../support/fuzzing';
import { inTestRuntime } from '../../support/scriptRuntime';
import type * as SignatureFuzz from './signatureFuzz';

async function main(): Promise<number> {
	const { values } = parseArgs({
		options: { iterations: { type: 'string', default: '100000' }, seed: { type: 'string' } },
	});
	const iterations = Number(values.iterations);
	if (!Number.isInteger(iterations) || iterations < 1) {
		throw new Error(`--iterations takes a positive integer, not "${values.iterations}"`);
	}
	const seed = seedFrom(values.seed ?? process.env.KAKIYO_FUZZ_SEED);
	console.log(`Fuzzing with seed ${seed}, ${iterations} deliveries…`);
	return await inTestRuntime(async () => {
		const { fuzzSignatures, formatReport } = require('./signatureFuzz') as typeof SignatureFuzz;
		const report = await fuzzSignatures({ iterations, seed });
		console.log(formatReport(report));
		return report.failed === 0 ? 0 : 1;
	});
}

main().then(
	(code) => {
		process.exitCode = code;
	},
	(error: Error) => {
		console.error(error.message);
		process.exitCode = 2;
	},
);
