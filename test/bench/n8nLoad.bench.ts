/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- benchmark CLI: reads argv, prints the report, sets the exit code */
import { rmSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { parseArgs } from 'node:util';

import { buildAndPack } from '../../scripts/packPackage';
import { lineLabel, N8N_LINES, type N8nLine } from '../harness/n8nLines';
import { onShutdown, scratchFolder, shutdown } from '../harness/processRegistry';
import { startStack } from '../harness/stack';
import { markdownTable, ratios, summarize, type WorkflowSummary } from './loadReport';
import { measureLoad, type LoadShape } from './loadRun';
import { WORKFLOW_TITLES } from './loadWorkflows';
import { SETTINGS, type Mode, type Setting } from './n8nSettings';

/**
 * `npm run bench:e2e`: the four workflows (W1 n8n's Webhook node, W2 Webhook + Code node checking
 * the HMAC, W3 the Kakiyo Trigger, W4 the trigger receiving forged deliveries) side by side in one
 * n8n, for each n8n line, mode and setting asked for. Reports; fails only when a delivery was lost
 * or a forged one was not refused, never on a timing.
 */
const USAGE = `Usage: npm run bench:e2e -- [options]
  --lines 1,2            n8n lines (default both: 1 = ${N8N_LINES['1'].n8nVersion}, 2 = ${N8N_LINES['2'].n8nVersion})
  --modes single,queue   single process on sqlite, and/or queue mode (main + webhook process + 2 workers, Postgres, Redis)
  --settings LIST        n8n settings to compare, each a separate n8n (default: default)
                         ${Object.entries(SETTINGS)
														.map(([name, setting]) => `${name}: ${setting.label}`)
														.join('\n                         ')}
  --deliveries N         per workflow (default 1000), 1 KB each, signed
  --concurrency N        requests in flight per workflow (default 50)
  --rounds N             interleaved rounds the deliveries are split into (default 5)
  --quick                a quick check: 100 deliveries, concurrency 10, 2 rounds
  --trigger-version N    the Kakiyo Trigger's node version in W3/W4: 2 (default, new workflows) or 1`;

interface Config {
	line: N8nLine;
	mode: Mode;
	settingName: string;
	setting: Setting;
}

function parseOptions(): { configs: Config[]; shape: LoadShape; triggerVersion: 1 | 2 } {
	const { values } = parseArgs({
		options: {
			lines: { type: 'string', default: '1,2' },
			modes: { type: 'string', default: 'single,queue' },
			settings: { type: 'string', default: 'default' },
			deliveries: { type: 'string' },
			concurrency: { type: 'string' },
			rounds: { type: 'string' },
			quick: { type: 'boolean', default: false },
			'trigger-version': { type: 'string', default: '2' },
			help: { type: 'boolean', default: false },
		},
	});
	if (values.help) {
		console.log(USAGE);
		process.exit(0);
	}
	const list = (value: string) => value.split(',').map((item) => item.trim());
	const settings = SETTINGS;
	const configs: Config[] = [];
	for (const id of list(values.lines)) {
		const line = N8N_LINES[id as N8nLine['id']];
		if (!line) throw new Error(`--lines takes 1 and/or 2, not ${id}\n${USAGE}`);
		for (const mode of list(values.modes)) {
			if (mode !== 'single' && mode !== 'queue') throw new Error(`Unknown mode ${mode}\n${USAGE}`);
			for (const settingName of list(values.settings)) {
				const setting = settings[settingName];
				if (!setting) throw new Error(`Unknown setting ${settingName}\n${USAGE}`);
				if (setting.lines && !setting.lines.includes(line.id)) continue;
				if (setting.modes && !setting.modes.includes(mode)) continue;
				configs.push({ line, mode, settingName, setting });
			}
		}
	}
	const quick = values.quick;
	const number = (value: string | undefined, fallback: number) => {
		const parsed = value === undefined ? fallback : Number(value);
		if (!Number.isInteger(parsed) || parsed < 1)
			throw new Error(`Not a positive whole number: ${value}`);
		return parsed;
	};
	const shape = {
		deliveries: number(values.deliveries, quick ? 100 : 1000),
		concurrency: number(values.concurrency, quick ? 10 : 50),
		rounds: number(values.rounds, quick ? 2 : 5),
	};
	const triggerVersion = Number(values['trigger-version']);
	if (triggerVersion !== 1 && triggerVersion !== 2)
		throw new Error(`--trigger-version takes 1 or 2\n${USAGE}`);
	return { configs, shape, triggerVersion };
}

interface ConfigResult {
	config: Config;
	summaries: WorkflowSummary[];
}

async function main(): Promise<void> {
	const { configs, shape, triggerVersion } = parseOptions();
	const workDir = scratchFolder('kakiyo-bench-');
	onShutdown(async () => rmSync(workDir, { recursive: true, force: true }));
	const progress = (message: string) => console.error(message);
	const started = new Date();
	const loadAtStart = loadavg();
	const tarball = await buildAndPack(workDir, progress);
	const trigger = { typeVersion: triggerVersion };

	const results: ConfigResult[] = [];
	for (const config of configs) {
		progress(`\n== ${describe(config)}`);
		const stack = await startStack({
			line: config.line,
			workDir,
			tarball,
			progress,
			queue:
				config.mode === 'queue'
					? { webhookProcesses: config.setting.webhookProcesses ?? 1, workers: 2 }
					: undefined,
			// W2's Code node needs node:crypto.
			n8nEnv: { NODE_FUNCTION_ALLOW_BUILTIN: 'crypto', ...config.setting.env },
		});
		try {
			const measurements = await measureLoad(stack, shape, trigger, progress);
			const summaries = summarize(measurements);
			results.push({ config, summaries });
			// The logs go with the scratch folder: show what n8n said about failures while they exist.
			if (summaries.some((summary) => summary.lost > 0)) {
				for (const server of stack.servers()) {
					const lines = server
						.currentLog()
						.split('\n')
						.filter((line) => /error|crash|stall|fail|timeout/i.test(line));
					progress(
						`${server.name}: ${lines.length} log lines about failures${lines.length ? ', the last ones:' : ''}`,
					);
					for (const line of lines.slice(-8)) progress(`  ${line}`);
				}
			}
		} finally {
			await stack.close();
		}
	}
	report(results, shape, started, loadAtStart, triggerVersion);
	const lost = results.flatMap((result) => result.summaries).reduce((sum, s) => sum + s.lost, 0);
	if (lost > 0)
		console.error(
			`\n${lost} deliveries were lost or forged ones not refused: see the "lost" column.`,
		);
	await shutdown(lost > 0 ? 1 : 0);
}

function describe(config: Config): string {
	return `${lineLabel(config.line)}, ${config.mode === 'queue' ? 'queue mode' : 'single process'}, ${config.setting.label}`;
}

function report(
	results: ConfigResult[],
	shape: LoadShape,
	started: Date,
	loadAtStart: number[],
	triggerVersion: 1 | 2,
): void {
	const fixed = (value: number | undefined, digits = 1) =>
		value === undefined ? '–' : value.toFixed(digits);
	const columns = (result: ConfigResult) => [
		`${result.config.line.n8nVersion}`,
		result.config.mode,
		result.config.settingName,
	];
	const cpu = cpus();
	console.log(`
## n8n load benchmark, ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC
Machine: ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; load average at start ${loadAtStart.map((load) => load.toFixed(2)).join(' ')}, at end ${loadavg()
		.map((load) => load.toFixed(2))
		.join(' ')}
Each workflow: ${shape.deliveries} signed 1 KB deliveries, ${shape.concurrency} in flight, in ${shape.rounds} interleaved rounds (after a warm-up).
Workflows: ${Object.entries(WORKFLOW_TITLES)
		.map(([key, title]) => `${key} ${title}`)
		.join('; ')}. Kakiyo Trigger at node version ${triggerVersion}.
Settings: ${[...new Set(results.map((result) => result.config.settingName))]
		.map((name) => `${name} = ${SETTINGS[name].label}`)
		.join('; ')}.
`);
	console.log(
		markdownTable(
			[
				'n8n',
				'mode',
				'settings',
				'workflow',
				'answers',
				'answered/s',
				'p50 ms',
				'p99 ms',
				'executions/s',
				'n8n CPU ms/delivery',
				'pg+redis CPU ms/delivery',
				'lost',
			],
			results.flatMap((result) =>
				result.summaries.map((summary) => [
					...columns(result),
					summary.key,
					summary.answers,
					fixed(summary.answeredPerSecond),
					fixed(summary.p50Ms),
					fixed(summary.p99Ms),
					fixed(summary.executionsPerSecond),
					fixed(summary.cpuMsPerDelivery, 2),
					result.config.mode === 'queue' ? fixed(summary.servicesCpuMsPerDelivery, 2) : '–',
					summary.lost ? `${summary.lost} (${summary.lostDetail})` : '0',
				]),
			),
		),
	);
	const ratioNames = ratios([]).map(([name]) => name);
	console.log(`\nRatios (side by side within each n8n):\n`);
	console.log(
		markdownTable(
			['n8n', 'mode', 'settings', ...ratioNames],
			results.map((result) => [
				...columns(result),
				...ratios(result.summaries).map(([, value]) =>
					value === undefined ? '–' : `${value.toFixed(2)}×`,
				),
			]),
		),
	);
	console.log(
		'\nanswered/s: answers as expected (200; W4: 401) per second of sending. executions/s: successful executions from the first request to the last stop. CPU: user+system of every n8n process and its task runner (queue mode: main, webhook processes, workers). lost: W1–W3 deliveries without exactly one successful execution; W4 answers other than 401 plus any execution.',
	);
}

main().catch(async (error: Error) => {
	console.error(error.stack ?? error.message);
	await shutdown(1);
});
