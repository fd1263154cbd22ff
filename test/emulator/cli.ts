/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- test-only emulator CLI: reads argv, prints to the console, handles signals */
/**
 * `npm run emulator -- [--port 4010] [--api-key KEY] [--state FILE] [--no-seed] [--import-delay MS] [--latency MS]
 *                      [--plan agency|standard] [--no-rate-limit] [--signature bare|prefixed]`
 *
 * Prints the base URL, a ready API key, the control URL and its token as KEY=value lines (easy to read by eye, by a harness, or with
 * `export`), then one line per API request and per delivery attempt. Ctrl-C or SIGTERM closes cleanly.
 */
import { parseArgs } from 'node:util';
import { startEmulator } from './server';
import type { Plan } from './state/model';
import type { EmulatorOptions, SignatureFormat } from './types';

const USAGE = `Usage: npm run emulator -- [options]
  --port N                 port on 127.0.0.1 (default 4010; 0 picks a free one)
  --api-key KEY            accept this 40-character key (repeatable; default: a generated one)
  --state FILE             keep the whole state (objects, webhooks, secrets, credits) and the
                           generated key in FILE across restarts
  --no-seed                start each team empty (the six models aside)
  --import-delay MS        keep prospect imports 'processing' this long (default 0)
  --latency MS             answer every API call this much later (default 0)
  --plan PLAN              'agency' (default) or 'standard' (workspace routes answer 403)
  --no-rate-limit          turn off the 60 requests/minute/endpoint limit
  --rate-limit N           requests per minute per endpoint (default 60)
  --signature FORMAT       'prefixed' (sha256=<hex>, default) or 'bare' (<hex>)
  --server-secrets         generate a secret when a webhook is created without one
  --help                   show this text`;

function parseOptions(argv: string[]): EmulatorOptions {
	const { values } = parseArgs({
		args: argv,
		options: {
			port: { type: 'string', default: '4010' },
			'api-key': { type: 'string', multiple: true },
			state: { type: 'string' },
			'no-seed': { type: 'boolean', default: false },
			'import-delay': { type: 'string', default: '0' },
			latency: { type: 'string', default: '0' },
			plan: { type: 'string', default: 'agency' },
			'no-rate-limit': { type: 'boolean', default: false },
			'rate-limit': { type: 'string', default: '60' },
			signature: { type: 'string', default: 'prefixed' },
			'server-secrets': { type: 'boolean', default: false },
			help: { type: 'boolean', default: false },
		},
	});
	if (values.help) {
		console.log(USAGE);
		process.exit(0);
	}
	return {
		port: Number(values.port),
		apiKeys: values['api-key'],
		statePath: values.state,
		seed: !values['no-seed'],
		importDelayMs: Number(values['import-delay']),
		latencyMs: Number(values.latency),
		plan: values.plan as Plan,
		rateLimitPerMinute: values['no-rate-limit'] ? false : Number(values['rate-limit']),
		signatureFormat: values.signature as SignatureFormat,
		serverGeneratedSecrets: values['server-secrets'],
		log: (line) => console.log(`${new Date().toISOString().slice(11, 23)} ${line}`),
	};
}

async function main(): Promise<void> {
	const emulator = await startEmulator(parseOptions(process.argv.slice(2)));
	console.log('Kakiyo emulator ready');
	console.log(`KAKIYO_BASE_URL=${emulator.baseUrl}`);
	console.log(`KAKIYO_API_KEY=${emulator.apiKey}`);
	console.log(`KAKIYO_CONTROL_URL=${emulator.controlUrl}`);
	console.log(`KAKIYO_CONTROL_TOKEN=${emulator.controlToken}`);

	const stop = (signal: string) => {
		console.log(`${signal}: closing`);
		emulator.close().then(
			() => process.exit(0),
			(error: Error) => {
				console.error(error);
				process.exit(1);
			},
		);
	};
	process.once('SIGINT', () => stop('SIGINT'));
	process.once('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: Error) => {
	console.error(`Kakiyo emulator failed to start: ${error.message}\n\n${USAGE}`);
	process.exit(1);
});
