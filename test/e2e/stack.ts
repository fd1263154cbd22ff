/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test-only harness: prepares user folders on disk and loads n8n's own modules */
import { mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

import { startEmulator, type RunningEmulator } from '../emulator';
import { freePort } from './freePort';
import { ensureN8n, seconds, type N8nInstallation } from './n8nInstaller';
import { lineLabel, type N8nLine } from './n8nLines';
import { N8nServer } from './n8nProcess';
import { N8nRestClient } from './n8nRestClient';
import { deployPackage, type PackedPackage } from './packageDeploy';
import { CREDENTIAL_TYPE, type CredentialRef } from './workflows';

export interface KakiyoTarget {
	baseUrl: string;
	apiKey: string;
}

export interface StackOptions {
	line: N8nLine;
	/** Per-run scratch folder; the n8n user folder is created inside and removed by close(). */
	workDir: string;
	/** The packed package (see buildAndPack). */
	tarball: string;
	/** Other community packages to install beside it before n8n starts. */
	alsoInstall?: PackedPackage[];
	progress: (message: string) => void;
	/** Ports to try first (e.g. 5678 for `npm start`); a free one is used when taken. */
	preferredPorts?: { n8n?: number; emulator?: number };
	/** Point the credential at this Kakiyo instead of starting the emulator. */
	realKakiyo?: KakiyoTarget;
	/** See N8nServerOptions.webhookUrl. */
	webhookUrl?: string;
	emulatorLog?: (line: string) => void;
}

/** A running n8n of one line with the package installed, an owner session and a Kakiyo credential. */
export interface Stack {
	installation: N8nInstallation;
	/** N8N_USER_FOLDER of this n8n (the installed packages are under `.n8n/nodes`). */
	userFolder: string;
	n8n: N8nServer;
	rest: N8nRestClient;
	/** Absent when the credential points at the real Kakiyo. */
	emulator?: RunningEmulator;
	kakiyo: KakiyoTarget;
	credential: CredentialRef;
	close(): Promise<void>;
}

export async function startStack(options: StackOptions): Promise<Stack> {
	const { line, progress } = options;
	const label = lineLabel(line);
	const installation = await ensureN8n(line, progress);
	const userFolder = join(options.workDir, `n8n${line.id}-user`);
	mkdirSync(userFolder, { recursive: true });

	let emulator: RunningEmulator | undefined;
	let n8n: N8nServer | undefined;
	const close = async () => {
		await n8n?.stop();
		await emulator?.close();
		rmSync(userFolder, { recursive: true, force: true });
	};
	let ready = false;
	try {
		await deployPackage(options.tarball, userFolder);
		for (const other of options.alsoInstall ?? [])
			await deployPackage(other.tarball, userFolder, other);
		if (!options.realKakiyo) {
			emulator = await startEmulator({
				port: await freePort(options.preferredPorts?.emulator),
				log: options.emulatorLog,
			});
			progress(`Kakiyo emulator on ${emulator.baseUrl}`);
		}
		const kakiyo = options.realKakiyo ?? { baseUrl: emulator!.baseUrl, apiKey: emulator!.apiKey };

		progress(`[${label}] starting on Node ${line.nodeVersion ?? process.versions.node}…`);
		const started = Date.now();
		n8n = await N8nServer.start(installation, {
			userFolder,
			port: await freePort(options.preferredPorts?.n8n),
			brokerPort: await freePort(),
			webhookUrl: options.webhookUrl,
		});
		progress(`[${label}] ready on ${n8n.url} after ${seconds(started)} (log: ${n8n.logFile})`);

		const rest = new N8nRestClient(n8n.url, line, loadFlattedParse(installation));
		await rest.setupOwnerAndLogin();
		const credential = await rest.createCredential(
			options.realKakiyo ? 'Kakiyo' : 'Kakiyo (emulator)',
			CREDENTIAL_TYPE,
			{ apiKey: kakiyo.apiKey, url: kakiyo.baseUrl },
		);
		ready = true;
		return { installation, userFolder, n8n, rest, emulator, kakiyo, credential, close };
	} finally {
		if (!ready) await close();
	}
}

/** n8n stores execution data with `flatted`; decode with n8n's own copy instead of adding a dependency. */
function loadFlattedParse(installation: N8nInstallation): (text: string) => unknown {
	const requireFromN8n = createRequire(
		join(installation.dir, 'node_modules', 'n8n', 'package.json'),
	);
	return (requireFromN8n('flatted') as { parse: (text: string) => unknown }).parse;
}
