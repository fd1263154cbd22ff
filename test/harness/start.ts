/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- test-only dev launcher: reads argv/env, prints instructions, runs until Ctrl-C */
import { rmSync } from 'node:fs';
import { parseArgs } from 'node:util';

import { buildAndPack } from '../../scripts/packPackage';
import { seconds } from './n8nInstaller';
import { N8N_LINES, type N8nLine } from './n8nLines';
import { OWNER } from './n8nRestClient';
import { onShutdown, scratchFolder, shutdown } from './processRegistry';
import { startStack, type KakiyoTarget } from './stack';
import { triggerWorkflow } from './workflows';

const USAGE = `Usage: npm start -- [options]
  --n8n 1|2|floor       n8n line: 2 = n8n ${N8N_LINES['2'].n8nVersion} on Node ${N8N_LINES['2'].nodeVersion} (default), 1 = n8n ${N8N_LINES['1'].n8nVersion} on this Node,
                        floor = n8n ${N8N_LINES.floor.n8nVersion} (the oldest supported) on this Node
  --port N              n8n port on 127.0.0.1 (default 5678, a free one if taken)
  --emulator-port N     Kakiyo emulator port (default 4010, a free one if taken)
  --real-kakiyo         point the credential at the real Kakiyo API (needs KAKIYO_API_KEY;
                        KAKIYO_BASE_URL overrides https://api.kakiyo.com/v1) instead of the emulator
  --webhook-url URL     public URL of this n8n (e.g. a tunnel), so the real Kakiyo can deliver;
                        with --real-kakiyo the example workflow is only activated when this is set
Env: KAKIYO_N8N_CACHE   where n8n is installed (default ~/.cache/n8n-nodes-kakiyo)`;

interface StartOptions {
	line: N8nLine;
	n8nPort: number;
	emulatorPort: number;
	realKakiyo?: KakiyoTarget;
	webhookUrl?: string;
}

function parseOptions(): StartOptions {
	const { values } = parseArgs({
		options: {
			n8n: { type: 'string', default: '2' },
			port: { type: 'string', default: '5678' },
			'emulator-port': { type: 'string', default: '4010' },
			'real-kakiyo': { type: 'boolean', default: false },
			'webhook-url': { type: 'string' },
			help: { type: 'boolean', default: false },
		},
	});
	if (values.help) {
		console.log(USAGE);
		process.exit(0);
	}
	const line = N8N_LINES[values.n8n as N8nLine['id']];
	if (!line) throw new Error(`--n8n must be 1, 2 or floor, not ${values.n8n}\n${USAGE}`);
	let realKakiyo: KakiyoTarget | undefined;
	if (values['real-kakiyo']) {
		const apiKey = process.env.KAKIYO_API_KEY;
		if (!apiKey) throw new Error('--real-kakiyo needs your Kakiyo API key in KAKIYO_API_KEY');
		realKakiyo = { apiKey, baseUrl: process.env.KAKIYO_BASE_URL ?? 'https://api.kakiyo.com/v1' };
	}
	return {
		line,
		n8nPort: Number(values.port),
		emulatorPort: Number(values['emulator-port']),
		realKakiyo,
		webhookUrl: values['webhook-url'],
	};
}

async function main(): Promise<void> {
	const options = parseOptions();
	const started = Date.now();
	const workDir = scratchFolder('kakiyo-start-');
	// Cleanups run latest first, on Ctrl-C and on a failed start.
	onShutdown(async () => rmSync(workDir, { recursive: true, force: true }));

	const tarball = await buildAndPack(workDir, console.log);
	console.log(`Built and packed in ${seconds(started)}`);
	const stack = await startStack({
		line: options.line,
		workDir,
		tarball,
		progress: console.log,
		preferredPorts: { n8n: options.n8nPort, emulator: options.emulatorPort },
		realKakiyo: options.realKakiyo,
		webhookUrl: options.webhookUrl,
		emulatorLog: (line) => console.log(`[emulator] ${line}`),
	});
	onShutdown(async () => await stack.close());

	const events = ['*'];
	const fixture = triggerWorkflow('Kakiyo example: every event', stack.credential, events);
	const { id } = await stack.rest.createWorkflow(fixture.workflow);
	// Deactivated before n8n stops: n8n leaves webhooks registered when it shuts down, and at the
	// real Kakiyo a hook pointing at a stopped n8n would keep costing delivery attempts.
	onShutdown(async () => {
		if ((await stack.rest.getWorkflow(id)).active) await stack.rest.deactivate(id);
	});
	const canActivate = !options.realKakiyo || options.webhookUrl !== undefined;
	const activation = canActivate ? await stack.rest.activate(id) : undefined;
	if (activation && !activation.ok)
		console.log(`Activating the example workflow failed: ${activation.message}`);

	const { emulator, kakiyo } = stack;
	const lines = [
		'',
		`n8n ${options.line.n8nVersion} is ready after ${seconds(started)}: ${stack.n8n.url}/workflow/${id}`,
		`  sign in as ${OWNER.email} / ${OWNER.password}`,
		`  credential "${stack.credential.name}" → ${kakiyo.baseUrl}`,
		`  example workflow "${fixture.workflow.name}": ${activation?.ok ? `active, subscribed to ${events.join(', ')}` : 'created, not active'}`,
		`  n8n log: ${stack.n8n.logFile}`,
	];
	if (emulator) {
		// The control plane wants its token on every call but the health check.
		const token = `-H 'X-Emulator-Token: ${emulator.controlToken}'`;
		lines.push(
			'',
			'Fire a test event (each run shows up under Executions):',
			`  curl -s -X POST ${emulator.controlUrl}/emit ${token} -H 'content-type: application/json' -d '{"event":"linkedin.message.received"}'`,
			'or through the Kakiyo API, as the action node does:',
			`  curl -s -X POST ${kakiyo.baseUrl}/webhooks/test -H 'Authorization: Bearer ${kakiyo.apiKey}' -H 'content-type: application/json' -d '{"event":"prospect.qualified"}'`,
			'Registered webhooks (with secrets):',
			`  curl -s ${emulator.controlUrl}/webhooks ${token}`,
			`Emulator control token: KAKIYO_CONTROL_TOKEN=${emulator.controlToken}`,
		);
	} else if (!canActivate) {
		lines.push(
			'',
			'Not activated: the real Kakiyo cannot deliver to 127.0.0.1. Re-run with --webhook-url <public URL of this n8n>.',
		);
	}
	lines.push('', 'Ctrl-C stops n8n and the emulator.');
	console.log(lines.join('\n'));
}

main().catch(async (error: Error) => {
	console.error(error.message);
	await shutdown(1);
});
