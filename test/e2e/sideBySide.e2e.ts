/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test-only e2e suite: prints progress on stderr, removes its scratch folder */
import { rmSync } from 'node:fs';

import { buildAndPack, PACKAGE } from '../../scripts/packPackage';
import { lineLabel, selectedLines } from '../harness/n8nLines';
import { deployPackage, removeDeployedPackage, type PackedPackage } from '../harness/packageDeploy';
import { scratchFolder } from '../harness/processRegistry';
import { startStack, type Stack } from '../harness/stack';
import {
	activateTrigger,
	hooksFor,
	onlyHook,
	triggerOutput,
	waitForExecutions,
} from '../harness/triggerProbe';
import { actionWorkflow, CREDENTIAL_TYPE } from '../harness/workflows';
import { runThroughWebhook } from './actionProbe';
import {
	KAKIYO_OWN_DOCS,
	KAKIYO_OWN_PACKAGE,
	packKakiyoOwnPackage,
	STAND_IN_MARK,
} from './kakiyoOwnPackage';

/**
 * This package installed beside Kakiyo's own (`n8n-nodes-kakiyo-api`, here a stand-in with the same
 * credential type, see kakiyoOwnPackage.ts), in real n8n on both lines. Both declare the credential
 * type `kakiyoApi`; n8n keeps one definition per name, the one of the package it loaded last. At
 * start n8n loads the packages of its nodes folder in alphabetical order, so Kakiyo's
 * (`…-kakiyo-api`) comes after ours; a package installed from the editor while n8n runs is loaded
 * last until the next start, which the second order stands for (the stand-in under a name that
 * sorts before ours). Whichever definition n8n uses, the credential test, both packages' nodes and
 * the trigger must work with the one saved credential.
 */
const lines = selectedLines();
const progress = (message: string) => process.stderr.write(`${message}\n`);

/** The stand-in under a name that n8n's scan reaches before ours, so that ours is loaded last. */
const LOADED_BEFORE_OURS = 'n8n-nodes-early-kakiyo-api';

let workDir: string;
let tarball: string;
let kakiyoOwn: PackedPackage;
let kakiyoOwnEarly: PackedPackage;

beforeAll(async () => {
	workDir = scratchFolder('kakiyo-e2e-beside-');
	tarball = await buildAndPack(workDir, progress);
	kakiyoOwn = await packKakiyoOwnPackage(workDir);
	kakiyoOwnEarly = await packKakiyoOwnPackage(workDir, LOADED_BEFORE_OURS);
	expect([LOADED_BEFORE_OURS, PACKAGE.name, KAKIYO_OWN_PACKAGE]).toEqual(
		[LOADED_BEFORE_OURS, PACKAGE.name, KAKIYO_OWN_PACKAGE].sort(),
	);
}, 300_000);

afterAll(() => rmSync(workDir, { recursive: true, force: true }));

type Definition = "Kakiyo's" | 'ours';

describe.each(lines)("Beside Kakiyo's own package on $n8nVersion", (line) => {
	let stack: Stack;

	beforeAll(async () => {
		stack = await startStack({ line, workDir, tarball, progress, alsoInstall: [kakiyoOwn] });
	}, 40 * 60_000);

	afterAll(async () => await stack?.close(), 60_000);

	/** The definition the editor shows: of the two n8n lists, the browser keeps the last one. */
	const editorDefinition = async (): Promise<Definition> => {
		const types = await stack.rest.ok<Array<{ name: string; documentationUrl?: string }>>(
			'GET',
			'/types/credentials.json',
		);
		const listed = types.filter((type) => type.name === CREDENTIAL_TYPE);
		progress(
			`[${lineLabel(line)}] /types/credentials.json lists ${listed.length} "${CREDENTIAL_TYPE}": ${listed.map((type) => type.documentationUrl).join(', ')}`,
		);
		return listed.at(-1)?.documentationUrl === KAKIYO_OWN_DOCS ? "Kakiyo's" : 'ours';
	};

	/** The definition n8n's server runs, seen in the credential test it sends (see STAND_IN_MARK). */
	const serverDefinition = async (): Promise<Definition> => {
		stack.emulator!.clearRequests();
		await stack.rest.testCredential(stack.credential, CREDENTIAL_TYPE, {
			apiKey: stack.kakiyo.apiKey,
			url: stack.kakiyo.baseUrl,
		});
		const paths = stack.emulator!.requests().map((request) => request.path);
		progress(`[${lineLabel(line)}] the credential test asked the emulator for ${paths.join(', ')}`);
		expect(paths).toHaveLength(1);
		return paths[0].includes(`definition=${STAND_IN_MARK}`) ? "Kakiyo's" : 'ours';
	};

	/** The credential test, both packages' nodes and the trigger, with the one saved credential. */
	const expectEverythingWorks = async (kakiyoOwnName: string) => {
		expect(
			await stack.rest.testCredential(stack.credential, CREDENTIAL_TYPE, {
				apiKey: stack.kakiyo.apiKey,
				url: stack.kakiyo.baseUrl,
			}),
		).toEqual(expect.objectContaining({ status: 'OK' }));

		const catalogue = (await (
			await fetch(`${stack.kakiyo.baseUrl}/webhooks/test/events`, {
				headers: { authorization: `Bearer ${stack.kakiyo.apiKey}` },
			})
		).json()) as unknown[];
		expect(
			(
				await runThroughWebhook(
					stack,
					actionWorkflow('Kakiyo: event catalogue', stack.credential, {
						resource: 'webhookEvent',
						operation: 'getAll',
					}),
				)
			).output,
		).toEqual(catalogue);

		expect(
			(
				await runThroughWebhook(
					stack,
					actionWorkflow(
						"Kakiyo's own node: verify",
						stack.credential,
						{ operation: 'verify' },
						`${kakiyoOwnName}.kakiyo`,
					),
				)
			).output,
		).toEqual([{ status: 'success', message: 'API key is valid' }]);

		const trigger = await activateTrigger(stack, ['linkedin.message.received']);
		try {
			onlyHook(stack, trigger);
			const payload = {
				event: 'linkedin.message.received',
				timestamp: new Date().toISOString(),
				data: { prospectId: 'prospect_beside', message: `beside Kakiyo's package, ${line.id}` },
			};
			const result = await stack.emulator!.emit('linkedin.message.received', payload);
			expect(result.deliveries.map((delivery) => delivery.status)).toEqual([200]);
			const [execution] = await waitForExecutions(stack, trigger, 1);
			expect(execution.status).toBe('success');
			expect(await triggerOutput(stack, execution)).toEqual([payload]);
		} finally {
			await stack.rest.deactivate(trigger.workflowId);
		}
		expect(hooksFor(stack, trigger)).toEqual([]);
	};

	it("with Kakiyo's package loaded after ours (every n8n start), n8n uses Kakiyo's credential definition, and everything works", async () => {
		expect(await editorDefinition()).toBe("Kakiyo's");
		expect(await serverDefinition()).toBe("Kakiyo's");
		await expectEverythingWorks(KAKIYO_OWN_PACKAGE);
	});

	it('with ours loaded last (installed from the editor, until the next start), n8n uses our definition, and the credential saved under the other still works', async () => {
		await stack.n8n.stop();
		removeDeployedPackage(stack.userFolder, kakiyoOwn.name);
		await deployPackage(kakiyoOwnEarly.tarball, stack.userFolder, kakiyoOwnEarly);
		await stack.n8n.restart();
		await stack.rest.login();

		expect(await editorDefinition()).toBe('ours');
		expect(await serverDefinition()).toBe('ours');
		await expectEverythingWorks(LOADED_BEFORE_OURS);
	});
});
