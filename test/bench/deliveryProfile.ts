/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- benchmark CLI: profiles n8n with --cpu-prof, reads and patches files, prints the findings */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

import { sleep } from 'n8n-workflow';

import { buildAndPack } from '../../scripts/packPackage';
import { N8N_LINES } from '../harness/n8nLines';
import { EXECUTION_STATUSES } from '../harness/n8nRestClient';
import { onShutdown, scratchFolder, shutdown } from '../harness/processRegistry';
import { startStack, type Stack } from '../harness/stack';
import { onlyHook } from '../harness/triggerProbe';
import type { WorkflowFixture } from '../harness/workflows';
import { waitFor } from '../support/waitFor';
import {
	busySamples,
	entryPoints,
	inclusiveMs,
	readSamples,
	selfTimes,
	type Frame,
	type Sample,
} from './cpuProfile';
import { delivery, sendBatch } from './loadClient';
import { markdownTable } from './loadReport';
import { kakiyoTriggerWorkflow, webhookNodeWorkflow, type TriggerVariant } from './loadWorkflows';
import { SETTINGS } from './n8nSettings';
import { groupCpuMs } from './processCpu';

/**
 * `npm run bench:profile`: where n8n 2.x spends the CPU of one delivery. n8n (single process) runs
 * under `--cpu-prof`; accepted and forged deliveries to the Kakiyo Trigger, and deliveries to n8n's
 * own Webhook node for comparison, are sent one at a time in separate time windows, and the
 * main thread's samples in each window are split into the Kakiyo node's own code, n8n's expression
 * engine (isolated-vm isolates) and the rest. `--trigger-version 1` profiles the trigger as workflows
 * saved before version 2 use it.
 */
const USAGE = `Usage: npm run bench:profile -- [options]
  --settings LIST          n8n settings, one n8n each (default: default,lazy; see npm run bench:e2e -- --help)
  --deliveries N           per kind, sent one at a time (default 100)
  --trigger-version N      the trigger's node version: 2 (default, new workflows) or 1
  --events-expression      the trigger's Events given as an expression instead of a list`;

// The package as n8n loads it (the n8n install cache's own folder is also named n8n-nodes-kakiyo).
const KAKIYO = (frame: Frame) => frame.url.includes('/node_modules/n8n-nodes-kakiyo/');
const ENGINE = (frame: Frame) =>
	frame.url.includes('/@n8n/expression-runtime/') || frame.url.includes('/isolated-vm/');

interface Kind {
	label: string;
	workflowId: string;
	urls: string[];
	secret: string;
	/** Executions each delivery starts. */
	runs: 0 | 1;
}

interface Window {
	kind: Kind;
	fromUs: number;
	toUs: number;
	cpuMs: number;
	count: number;
}

async function main(): Promise<void> {
	const { values } = parseArgs({
		options: {
			settings: { type: 'string', default: 'default,lazy' },
			deliveries: { type: 'string', default: '100' },
			'trigger-version': { type: 'string', default: '2' },
			'events-expression': { type: 'boolean', default: false },
			help: { type: 'boolean', default: false },
		},
	});
	if (values.help) {
		console.log(USAGE);
		return;
	}
	const count = Number(values.deliveries);
	const typeVersion = Number(values['trigger-version']);
	if (typeVersion !== 1 && typeVersion !== 2)
		throw new Error(`--trigger-version takes 1 or 2\n${USAGE}`);
	const variant: TriggerVariant = { typeVersion, eventsExpression: values['events-expression'] };
	const variantLabel = ` (trigger version ${typeVersion})${variant.eventsExpression ? ' (events as an expression)' : ''}`;
	const workDir = scratchFolder('kakiyo-profile-');
	onShutdown(async () => rmSync(workDir, { recursive: true, force: true }));
	const progress = (message: string) => console.error(message);
	const tarball = await buildAndPack(workDir, progress);

	for (const settingName of values.settings.split(',')) {
		const setting = SETTINGS[settingName];
		if (!setting || setting.modes)
			throw new Error(`Not a single-process setting: ${settingName}\n${USAGE}`);
		const profileDir = join(workDir, `profile-${settingName}`);
		mkdirSync(profileDir);
		progress(`\n== n8n ${N8N_LINES['2'].n8nVersion}, ${setting.label}${variantLabel}`);
		const stack = await startStack({
			line: N8N_LINES['2'],
			workDir,
			tarball,
			progress,
			n8nEnv: setting.env,
			nodeOptions: (role) =>
				role === 'main'
					? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, '--cpu-prof-interval=250']
					: [],
		});
		let windows: Window[];
		try {
			windows = await measureWindows(stack, count, variant);
		} finally {
			// n8n exits through process.exit() on SIGTERM, which is when Node writes the profile.
			await stack.close();
		}
		const [file] = readdirSync(profileDir).filter((name) => name.endsWith('.cpuprofile'));
		if (!file) throw new Error(`n8n wrote no profile into ${profileDir}`);
		analyse(readSamples(join(profileDir, file)), windows, `${settingName}${variantLabel}`);
	}
	await shutdown(0);
}

async function measureWindows(
	stack: Stack,
	count: number,
	variant: TriggerVariant,
): Promise<Window[]> {
	const activate = async (fixture: WorkflowFixture) => {
		const { id } = await stack.rest.createWorkflow(fixture.workflow);
		const activation = await stack.rest.activate(id);
		if (!activation.ok) throw new Error(`Activation failed: ${activation.message}`);
		return { id, url: `${stack.webhookBaseUrl}${fixture.webhookPath}` };
	};
	const w3 = await activate(kakiyoTriggerWorkflow('W3', stack.credential, variant));
	const w1 = await activate(webhookNodeWorkflow());
	const secret = onlyHook(stack, { workflowId: w3.id, url: w3.url }).secret!;
	const kinds: Kind[] = [
		{ label: 'Kakiyo Trigger, accepted', workflowId: w3.id, urls: [w3.url], secret, runs: 1 },
		{
			label: 'Kakiyo Trigger, forged',
			workflowId: w3.id,
			urls: [w3.url],
			secret: randomBytes(32).toString('hex'),
			runs: 0,
		},
		{ label: "n8n's Webhook node", workflowId: w1.id, urls: [w1.url], secret, runs: 1 },
	];
	const group = [stack.n8n.pid!];
	let sequence = 0;
	const send = async (kind: Kind, size: number) => {
		const before = await stack.rest.countExecutions(kind.workflowId, EXECUTION_STATUSES);
		const batch = Array.from({ length: size }, () => delivery(sequence++, kind.secret));
		const result = await sendBatch(kind.urls, batch, 1);
		const wanted = kind.runs ? 200 : 401;
		if (result.statuses.some((status) => status !== wanted))
			throw new Error(`${kind.label}: expected only ${wanted}, got ${result.statuses.join(',')}`);
		const target = before + size * kind.runs;
		await waitFor(
			async () =>
				(await stack.rest.countExecutions(kind.workflowId, ['success'])) >= target
					? true
					: undefined,
			{ what: `${target} executions of ${kind.label}`, timeoutMs: 120_000 },
		);
	};
	for (const kind of kinds) await send(kind, 20); // warm-up
	const windows: Window[] = [];
	for (const kind of kinds) {
		await sleep(1_000);
		const cpuBefore = groupCpuMs(group);
		const fromUs = Number(process.hrtime.bigint() / 1000n);
		await send(kind, count);
		// Let the pool replenish the isolate the last delivery used up: that work is this window's.
		await sleep(500);
		const toUs = Number(process.hrtime.bigint() / 1000n);
		windows.push({ kind, fromUs, toUs, cpuMs: groupCpuMs(group) - cpuBefore, count });
	}
	return windows;
}

function analyse(samples: Sample[], windows: Window[], title: string): void {
	const rows = windows.map((window) => {
		const busy = busySamples(samples, window.fromUs, window.toUs);
		const per = (ms: number) => (ms / window.count).toFixed(2);
		const sampled = inclusiveMs(busy, () => true);
		const kakiyo = inclusiveMs(busy, KAKIYO);
		return [
			window.kind.label,
			String(window.count),
			per(window.cpuMs),
			per(sampled),
			per(kakiyo),
			`${((100 * kakiyo) / (window.cpuMs || 1)).toFixed(1)} %`,
			per(inclusiveMs(busy, ENGINE)),
			per(inclusiveMs(busy, (frame) => frame.name === '(garbage collector)')),
		];
	});
	console.log(`\n### ${title}\n`);
	console.log(
		markdownTable(
			[
				'deliveries to',
				'n',
				'CPU ms/delivery (n8n + task runner, /proc)',
				'main thread sampled ms',
				'Kakiyo node code ms (inclusive)',
				'node share of CPU',
				'expression engine / isolates ms',
				'GC ms',
			],
			rows,
		),
	);
	for (const window of windows) {
		const busy = busySamples(samples, window.fromUs, window.toUs);
		const engine = entryPoints(busy, ENGINE, 6).slice(0, 3);
		console.log(
			`\n${window.kind.label}: where the expression engine was entered (ms per delivery)`,
		);
		for (const [chain, ms] of engine) console.log(`  ${(ms / window.count).toFixed(2)}  ${chain}`);
		if (engine.length === 0) console.log('  (never)');
		const kakiyo = selfTimes(busy.filter((sample) => sample.stack.some(KAKIYO))).slice(0, 5);
		console.log(`${window.kind.label}: heaviest self time under the Kakiyo node (ms per delivery)`);
		for (const [frame, ms] of kakiyo) console.log(`  ${(ms / window.count).toFixed(3)}  ${frame}`);
		if (kakiyo.length === 0) console.log('  (the node is not involved)');
	}
}

main().catch(async (error: Error) => {
	console.error(error.stack ?? error.message);
	await shutdown(1);
});
