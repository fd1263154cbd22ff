/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test-only harness: prepares user folders on disk and loads n8n's own modules */
import { mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

import { startEmulator, type RunningEmulator } from '../emulator';
import { freePort } from './freePort';
import { ensureN8n, seconds, type N8nInstallation } from './n8nInstaller';
import { lineLabel, type N8nLine } from './n8nLines';
import { N8nServer, type N8nRole, type QueueMode } from './n8nProcess';
import { N8nRestClient } from './n8nRestClient';
import { deployPackage, type PackedPackage } from './packageDeploy';
import { startPostgres, type RunningPostgres } from './postgresServer';
import { ensureQueueServices } from './queueServicesInstaller';
import { startRedis, type RunningRedis } from './redisServer';
import { CREDENTIAL_TYPE, type CredentialRef } from './workflows';

export interface KakiyoTarget {
	baseUrl: string;
	apiKey: string;
}

/** n8n in queue mode: how many webhook processes and workers run beside the main process. */
export interface QueueTopology {
	webhookProcesses: number;
	workers: number;
}

export interface StackOptions {
	line: N8nLine;
	/** Per-run scratch folder; the n8n user folders are created inside and removed by close(). */
	workDir: string;
	/** The packed package (see buildAndPack). */
	tarball: string;
	/** Other community packages to install beside it (in every process's user folder) before n8n starts. */
	alsoInstall?: PackedPackage[];
	progress: (message: string) => void;
	/** Ports to try first (e.g. 5678 for `npm start`); a free one is used when taken. */
	preferredPorts?: { n8n?: number; emulator?: number };
	/** Point the credential at this Kakiyo instead of starting the emulator. */
	realKakiyo?: KakiyoTarget;
	/** See N8nServerOptions.webhookUrl (single-process mode). */
	webhookUrl?: string;
	emulatorLog?: (line: string) => void;
	/** Queue mode over a private Postgres and Redis; absent: one n8n process on sqlite. */
	queue?: QueueTopology;
	/** n8n settings for every process (the benchmark compares expression engines, pool sizes…). */
	n8nEnv?: Readonly<Record<string, string>>;
	/** Node.js options per process role (e.g. `--cpu-prof` for the profiler). */
	nodeOptions?: (role: N8nRole) => string[];
}

/** The queue-mode parts of a stack. */
export interface QueueParts {
	postgres: RunningPostgres;
	redis: RunningRedis;
	/** Deliveries go here; the first one's URL is what the trigger registers. */
	webhooks: N8nServer[];
	workers: N8nServer[];
}

/** A running n8n of one line with the package installed, an owner session and a Kakiyo credential. */
export interface Stack {
	installation: N8nInstallation;
	/** The main process: REST API, activation. In single-process mode it also serves webhooks and runs executions. */
	n8n: N8nServer;
	/** N8N_USER_FOLDER of the main process (the installed packages are under `.n8n/nodes`). */
	userFolder: string;
	rest: N8nRestClient;
	/** Where production webhooks are served, and so the base of the URL the trigger registers at Kakiyo. */
	webhookBaseUrl: string;
	/** Present in queue mode. */
	queue?: QueueParts;
	/** Absent when the credential points at the real Kakiyo. */
	emulator?: RunningEmulator;
	kakiyo: KakiyoTarget;
	credential: CredentialRef;
	/** Every n8n process that is part of this stack, main first. */
	servers(): N8nServer[];
	close(): Promise<void>;
}

export async function startStack(options: StackOptions): Promise<Stack> {
	const { line, progress } = options;
	const label = lineLabel(line);
	const installation = await ensureN8n(line, progress);
	const services = options.queue ? await ensureQueueServices(progress) : undefined;

	const folders: string[] = [];
	const started: N8nServer[] = [];
	let emulator: RunningEmulator | undefined;
	let postgres: RunningPostgres | undefined;
	let redis: RunningRedis | undefined;
	const close = async () => {
		// Workers first (they finish what they run), main last, then what they all used.
		for (const server of [...started].reverse()) await server.stop();
		await emulator?.close();
		await postgres?.close();
		await redis?.close();
		for (const folder of folders) rmSync(folder, { recursive: true, force: true });
	};
	/** Each process gets its own user folder with the package installed, as each container would. */
	const userFolder = async (name: string) => {
		const folder = join(options.workDir, `n8n${line.id}-${name}`);
		mkdirSync(folder, { recursive: true });
		folders.push(folder);
		await deployPackage(options.tarball, folder);
		for (const other of options.alsoInstall ?? [])
			await deployPackage(other.tarball, folder, other);
		return folder;
	};
	const startServer = async (
		name: string,
		role: N8nRole,
		port: number,
		extra: { webhookUrl?: string; queue?: QueueMode },
	) => {
		const server = await N8nServer.start(installation, {
			userFolder: await userFolder(name),
			port,
			brokerPort: await freePort(),
			role,
			env: options.n8nEnv,
			nodeOptions: options.nodeOptions?.(role),
			...extra,
		});
		started.push(server);
		return server;
	};

	let ready = false;
	try {
		if (!options.realKakiyo) {
			emulator = await startEmulator({
				port: await freePort(options.preferredPorts?.emulator),
				log: options.emulatorLog,
			});
			progress(`Kakiyo emulator on ${emulator.baseUrl}`);
		}
		const kakiyo = options.realKakiyo ?? { baseUrl: emulator!.baseUrl, apiKey: emulator!.apiKey };

		let queueMode: QueueMode | undefined;
		const webhookPorts: number[] = [];
		if (options.queue && services) {
			[postgres, redis] = await Promise.all([
				startPostgres(services.postgresBinDir),
				startRedis(services.redisServer),
			]);
			queueMode = { postgres: postgres.connection, redis: { host: redis.host, port: redis.port } };
			progress(`Postgres on port ${postgres.connection.port}, Redis on port ${redis.port}`);
			for (let index = 0; index < options.queue.webhookProcesses; index++)
				webhookPorts.push(await freePort());
		}
		const mainPort = await freePort(options.preferredPorts?.n8n);
		const webhookBaseUrl = queueMode ? `http://127.0.0.1:${webhookPorts[0]}` : undefined;

		const topology = options.queue
			? ` in queue mode (${options.queue.webhookProcesses} webhook process(es), ${options.queue.workers} worker(s))`
			: '';
		progress(
			`[${label}] starting on Node ${line.nodeVersion ?? process.versions.node}${topology}…`,
		);
		const mainStarted = Date.now();
		// Main first: it runs the database migrations the others rely on.
		const n8n = await startServer('main', 'main', mainPort, {
			webhookUrl: webhookBaseUrl ? `${webhookBaseUrl}/` : options.webhookUrl,
			queue: queueMode,
		});
		progress(
			`[${label}] main ready on ${n8n.url} after ${seconds(mainStarted)} (log: ${n8n.logFile})`,
		);

		let queue: QueueParts | undefined;
		if (options.queue && queueMode && postgres && redis) {
			const othersStarted = Date.now();
			const launches = [
				...webhookPorts.map((port, index) =>
					startServer(`webhook${index + 1}`, 'webhook', port, {
						webhookUrl: `${webhookBaseUrl}/`,
						queue: queueMode,
					}),
				),
				...Array.from({ length: options.queue.workers }, async (_, index) =>
					startServer(`worker${index + 1}`, 'worker', await freePort(), { queue: queueMode }),
				),
			];
			// Every launch settles before a failure propagates, so close() knows all that started.
			const outcomes = await Promise.allSettled(launches);
			const servers = outcomes.map((outcome) => {
				if (outcome.status === 'rejected') throw outcome.reason;
				return outcome.value;
			});
			queue = {
				postgres,
				redis,
				webhooks: servers.filter((server) => server.role === 'webhook'),
				workers: servers.filter((server) => server.role === 'worker'),
			};
			progress(
				`[${label}] ${queue.webhooks.length} webhook process(es) and ${queue.workers.length} worker(s) ready after ${seconds(othersStarted)}`,
			);
		}

		const rest = new N8nRestClient(n8n.url, line, loadFlattedParse(installation));
		await rest.setupOwnerAndLogin();
		const credential = await rest.createCredential(
			options.realKakiyo ? 'Kakiyo' : 'Kakiyo (emulator)',
			CREDENTIAL_TYPE,
			{ apiKey: kakiyo.apiKey, url: kakiyo.baseUrl },
		);
		ready = true;
		return {
			installation,
			n8n,
			userFolder: n8n.options.userFolder,
			rest,
			webhookBaseUrl: webhookBaseUrl ?? n8n.url,
			queue,
			emulator,
			kakiyo,
			credential,
			servers: () => [...started],
			close,
		};
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
