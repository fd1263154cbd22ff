/* eslint-disable @n8n/community-nodes/no-restricted-imports, no-console -- test-only dev tool: reads argv, writes PNGs into docs/, prints progress, runs a browser */
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

import { chromium } from 'playwright-core';

import { buildAndPack, REPO_ROOT } from '../../scripts/packPackage';
import { takeEditorShots, type ShotWorkflows } from './editorShots';
import { exampleFixture } from './exampleWorkflows';
import { seconds } from './n8nInstaller';
import { N8N_LINES } from './n8nLines';
import { OWNER } from './n8nRestClient';
import { onShutdown, scratchFolder, shutdown } from './processRegistry';
import { startStack, type Stack } from './stack';
import { waitForExecutions } from './triggerProbe';
import { ACTION_NODE, actionWorkflow, triggerWorkflow, type CredentialRef } from './workflows';

/**
 * The pictures show the current n8n line; the clips and waits are set for its editor (1.x lays the
 * node view out differently).
 */
const LINE = N8N_LINES['2'];

const USAGE = `Usage: npm run screenshots -- [--out DIR]
Starts its own n8n ${LINE.n8nVersion} (like npm start: the packed package, the Kakiyo emulator, a fresh
user folder), prepares the workflows to show, and photographs the editor with Debian's Chromium
(/usr/bin/chromium; apt-get install chromium).
  --out DIR   where the PNGs go (default docs/)`;

/** The flags this machine's Chromium needs: no sandbox as root, no GPU, and no calls out. */
const CHROMIUM_FLAGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

/**
 * Webhook → Kakiyo (Get a conversation) → Edit Fields, never run: Edit Fields' input can only show
 * what Kakiyo will output from the operation's output schema.
 */
function schemaPreviewWorkflow(credential: CredentialRef): object {
	const { workflow } = actionWorkflow('Kakiyo output schema preview', credential, {
		resource: 'prospect',
		operation: 'get',
		chatId: { __rl: true, mode: 'id', value: '' },
	});
	const editFields = 'Edit Fields';
	return {
		...workflow,
		nodes: [
			...workflow.nodes,
			{
				id: randomUUID(),
				name: editFields,
				type: 'n8n-nodes-base.set',
				typeVersion: 3.4,
				position: [440, 0],
				parameters: {},
			},
		],
		connections: {
			...workflow.connections,
			[ACTION_NODE]: { main: [[{ node: editFields, type: 'main', index: 0 }]] },
		},
	};
}

/** Creates what the pictures show: a trigger and an action to open, and a finished execution. */
async function prepareWorkflows(stack: Stack): Promise<ShotWorkflows> {
	const trigger = triggerWorkflow('Kakiyo Trigger', stack.credential, [
		'prospect.responded',
		'prospect.qualified',
	]);
	const triggerId = (await stack.rest.createWorkflow(trigger.workflow)).id;

	const action = actionWorkflow('Kakiyo node', stack.credential, {
		resource: 'prospect',
		operation: 'qualify',
		chatId: { __rl: true, mode: 'id', value: '={{ $json.body.chatId }}' },
	});
	const actionId = (await stack.rest.createWorkflow(action.workflow)).id;

	// The example "qualify the prospects who reply", run once for real against the emulator.
	const example = exampleFixture('qualify-prospects-who-reply.json', stack.credential);
	const exampleId = (await stack.rest.createWorkflow(example.workflow)).id;
	const activation = await stack.rest.activate(exampleId);
	if (!activation.ok) throw new Error(`Activating the example failed: ${activation.message}`);
	const [john] = stack.emulator!.state().teams[0].prospects;
	await stack.emulator!.reply(john.chat.id, 'Sounds interesting. Can you send me a few details?');
	const [execution] = await waitForExecutions(stack, { workflowId: exampleId }, 1);
	if (execution.status !== 'success') throw new Error(`The example run ended ${execution.status}`);

	const preview = schemaPreviewWorkflow(stack.credential);
	const previewId = (await stack.rest.createWorkflow(preview)).id;

	return {
		trigger: { id: triggerId, node: 'Kakiyo Trigger' },
		action: { id: actionId, node: 'Kakiyo' },
		execution: { workflowId: exampleId, id: execution.id },
		schemaPreview: { id: previewId, node: 'Edit Fields' },
	};
}

async function main(): Promise<void> {
	const { values } = parseArgs({
		options: {
			out: { type: 'string', default: join(REPO_ROOT, 'docs') },
			help: { type: 'boolean', default: false },
		},
	});
	if (values.help) {
		console.log(USAGE);
		return;
	}
	const started = Date.now();

	const workDir = scratchFolder('kakiyo-shots-');
	onShutdown(async () => rmSync(workDir, { recursive: true, force: true }));
	const tarball = await buildAndPack(workDir, console.log);
	const stack = await startStack({ line: LINE, workDir, tarball, progress: console.log });
	onShutdown(async () => await stack.close());
	const workflows = await prepareWorkflows(stack);

	const profile = mkdtempSync(join(tmpdir(), 'kakiyo-shots-chromium-'));
	onShutdown(async () => rmSync(profile, { recursive: true, force: true }));
	const browser = await chromium.launchPersistentContext(profile, {
		executablePath: '/usr/bin/chromium',
		headless: true,
		args: CHROMIUM_FLAGS,
		viewport: { width: 1440, height: 900 },
	});
	onShutdown(async () => await browser.close());
	const page = browser.pages()[0] ?? (await browser.newPage());
	const login = await page.request.post(`${stack.n8n.url}/rest/login`, {
		data: { emailOrLdapLoginId: OWNER.email, password: OWNER.password },
	});
	if (!login.ok()) throw new Error(`Signing in to n8n failed: ${login.status()}`);

	mkdirSync(values.out, { recursive: true });
	const files = await takeEditorShots(page, stack.n8n.url, workflows, values.out);
	console.log(
		`${files.length} screenshots of n8n ${LINE.n8nVersion} in ${seconds(started)}:\n${files.map((file) => `  ${file}`).join('\n')}`,
	);
}

main()
	.then(async () => await shutdown(0))
	.catch(async (error: Error) => {
		console.error(error.stack ?? error.message);
		await shutdown(1);
	});
