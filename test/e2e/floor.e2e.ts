/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test-only e2e suite: reads package.json files */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { runActionWorkflow } from './actionProbe';
import { listedNodes, testGoodAndWrongKey } from './installationProbe';
import { isSelected, lineLabel, N8N_LINES } from '../harness/n8nLines';
import { REPO_ROOT } from '../../scripts/packPackage';
import { startStack, type Stack } from '../harness/stack';
import { packedPackage, progress } from './suiteSetup';
import {
	onlyHook,
	payloadOf,
	postDelivery,
	triggerOutput,
	waitForExecutions,
	withTrigger,
} from '../harness/triggerProbe';
import { kakiyoSignature } from '../support/signature';
import { CREDENTIAL_TYPE } from '../harness/workflows';

/**
 * The oldest n8n the package supports (the `floor` line of n8nLines.ts) in real n8n: the nodes
 * load, the credential test runs, the trigger registers one hook and verifies deliveries, the
 * action node runs. A subset of scenarios.e2e.ts, which the current lines run in full; the AI Agent
 * tool is aiAgentTool.e2e.ts, on every line. `KAKIYO_E2E_LINES` without `floor` skips it.
 */
const line = N8N_LINES.floor;
const label = lineLabel(line);

const selected = isSelected('floor');
// Out here so that its afterAll, which removes the folder n8n runs in, comes after the stack's.
const packed = selected ? packedPackage('kakiyo-e2e-floor-') : undefined;

(selected ? describe : describe.skip)(
	`Kakiyo package on the oldest supported n8n, ${line.n8nVersion}`,
	() => {
		let stack: Stack;

		beforeAll(async () => {
			stack = await startStack({ line, ...packed!, progress });
		}, 40 * 60_000);

		afterAll(async () => await stack?.close(), 60_000);

		it('ships the n8n-workflow that npm test checks the built code against (the n8n-workflow-floor devDependency)', () => {
			const readJson = <T>(path: string) => JSON.parse(readFileSync(path, 'utf8')) as T;
			const { devDependencies } = readJson<{ devDependencies: Record<string, string> }>(
				join(REPO_ROOT, 'package.json'),
			);
			const { version } = readJson<{ version: string }>(
				join(stack.installation.dir, 'node_modules', 'n8n-workflow', 'package.json'),
			);
			expect(devDependencies['n8n-workflow-floor']).toBe(`npm:n8n-workflow@${version}`);
		});

		it('n8n lists both nodes with main inputs and outputs, the action node as an AI tool, and the credential type', async () => {
			expect(await listedNodes(stack)).toEqual({
				action: [['main'], ['main']],
				trigger: [[], ['main']],
				actionTool: true,
			});
			expect(await stack.rest.credentialTypeNames()).toContain(CREDENTIAL_TYPE);
		});

		it('the credential test passes with a good key and explains a wrong one', async () => {
			const { good, bad } = await testGoodAndWrongKey(stack);
			expect(good).toEqual(expect.objectContaining({ status: 'OK' }));
			// The credential's own test rule answers, as on n8n 2.x (1.123's tester has its own wording).
			expect(bad).toEqual({
				status: 'Error',
				message: expect.stringMatching(
					/^Kakiyo rejected the API key\. Paste the 40-character team key/,
				),
			});
		});

		it('activation registers one hook; a signed delivery runs once, a forged one gets 401; deactivation deletes the hook', async () => {
			const event = 'linkedin.message.received';
			await withTrigger(stack, [event], async (active) => {
				const { secret } = onlyHook(stack, active);
				expect(stack.emulator!.webhooks()).toHaveLength(1);

				const forged = JSON.stringify(payloadOf(event, { message: 'forged' }));
				expect(await postDelivery(active, forged, kakiyoSignature('not-the-secret', forged))).toBe(
					401,
				);
				const payload = payloadOf(event, { message: `on ${label}` });
				const body = JSON.stringify(payload);
				expect(await postDelivery(active, body, kakiyoSignature(secret!, body))).toBe(200);

				const [execution] = await waitForExecutions(stack, active, 1);
				expect(execution.status).toBe('success');
				expect(await triggerOutput(stack, execution)).toEqual([payload]);
			});
			// withTrigger deactivated the workflow.
			expect(stack.emulator!.webhooks()).toEqual([]);
		});

		it('the action node runs: Do Not Contact Add, then Check', async () => {
			const { output } = await runActionWorkflow(stack, [
				{ resource: 'doNotContact', operation: 'create', url: 'https://linkedin.com/in/e2e-floor' },
				{ resource: 'doNotContact', operation: 'check', url: 'linkedin.com/in/e2e-floor' },
			]);
			expect(output).toEqual([
				{
					onList: true,
					entry: expect.objectContaining({ url: 'https://linkedin.com/in/e2e-floor' }),
				},
			]);
		});
	},
);
