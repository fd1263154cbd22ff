/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions -- test-only harness: spawns and stops real n8n processes */
import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

import { sleep } from 'n8n-workflow';

import type { N8nInstallation } from './n8nInstaller';
import { killGroup, onShutdown, trackChild } from './processRegistry';
import { tailOf } from './runCommand';
import { waitFor } from './waitFor';

export interface N8nServerOptions {
	/** `N8N_USER_FOLDER`: database, settings and `.n8n/nodes` (where the package is deployed). */
	userFolder: string;
	port: number;
	/** 2.x runs an internal task-runner broker on its own port; it must not clash with other instances. */
	brokerPort: number;
	/** Public base URL for webhooks (a tunnel to this n8n); default the loopback URL. */
	webhookUrl?: string;
}

// A fixed key keeps credentials decryptable across restarts of the same user folder.
const ENCRYPTION_PHRASE = 'kakiyo-e2e-only-encryption-phrase';

/** One n8n process on 127.0.0.1, restartable on the same folder and ports (the webhook URLs stay valid). */
export class N8nServer {
	readonly url: string;

	readonly logFile: string;

	/** How long the last (re)start took from spawn to REST readiness. */
	lastStartMs = 0;

	private child: ChildProcess | undefined;

	private unregister: (() => void) | undefined;

	private constructor(
		private readonly installation: N8nInstallation,
		readonly options: N8nServerOptions,
	) {
		this.url = `http://127.0.0.1:${options.port}`;
		this.logFile = join(options.userFolder, 'n8n.log');
	}

	static async start(installation: N8nInstallation, options: N8nServerOptions): Promise<N8nServer> {
		const server = new N8nServer(installation, options);
		await server.launch();
		return server;
	}

	async restart(): Promise<void> {
		await this.stop();
		await this.launch();
	}

	/** SIGTERM to n8n and its task runner; SIGKILL if they are not gone after n8n's own shutdown grace. */
	async stop(): Promise<void> {
		const child = this.child;
		this.child = undefined;
		this.unregister?.();
		if (!child || child.exitCode !== null || child.signalCode !== null) return;
		const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
		killGroup(child, 'SIGTERM');
		// A cleared timer, not a sleep: a pending 20 s timer would keep jest from exiting.
		let timer: NodeJS.Timeout | undefined;
		const graceful = await Promise.race([
			exited.then(() => true),
			new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), 20_000))),
		]);
		clearTimeout(timer);
		if (!graceful) {
			killGroup(child, 'SIGKILL');
			await exited;
		}
	}

	private async launch(): Promise<void> {
		const logStart = existsSync(this.logFile) ? statSync(this.logFile).size : 0;
		const logFd = openSync(this.logFile, 'a');
		const child = spawn(this.installation.nodeBinary, [this.installation.n8nEntry, 'start'], {
			cwd: this.options.userFolder,
			env: this.environment(),
			stdio: ['ignore', logFd, logFd],
			// Own process group: the task runner dies with it, and a terminal Ctrl-C reaches us first.
			detached: true,
		});
		closeSync(logFd);
		trackChild(child);
		this.child = child;
		this.unregister = onShutdown(async () => await this.stop());
		await this.waitUntilReady(child, logStart);
	}

	/**
	 * `/healthz` answers before migrations finish, and on 1.x `/healthz/readiness` answers about
	 * 4 s before the REST routes exist; only `/rest/settings` proves the API is mounted. n8n then
	 * activates the stored active workflows and only after that prints "Editor is now accessible",
	 * so a restarted instance is not used half-activated. A crash right after readiness (1.x
	 * without the legacy expression engine) is caught by the PID check.
	 */
	private async waitUntilReady(child: ChildProcess, logStart: number): Promise<void> {
		const started = Date.now();
		const logTail = () => `Last lines of ${this.logFile}:\n${tailOf(this.logFile, 30)}`;
		const exitedEarly = () => {
			if (child.exitCode !== null || child.signalCode !== null) {
				throw new Error(
					`n8n ${this.installation.line.n8nVersion} exited (${child.signalCode ?? `code ${child.exitCode}`}) while starting. ${logTail()}`,
				);
			}
		};
		let ready = false;
		try {
			await waitFor(
				async () => {
					exitedEarly();
					const status = async (path: string) =>
						(await fetch(`${this.url}${path}`).catch(() => undefined))?.status;
					if ((await status('/healthz/readiness')) !== 200) return undefined;
					if ((await status('/rest/settings')) !== 200) return undefined;
					return this.logSince(logStart).includes('Editor is now accessible') ? true : undefined;
				},
				{
					what: `n8n ${this.installation.line.n8nVersion} on ${this.url} to become ready`,
					timeoutMs: 180_000,
					intervalMs: 250,
					diagnose: logTail,
				},
			);
			await sleep(500);
			exitedEarly();
			ready = true;
		} finally {
			if (!ready) await this.stop();
		}
		this.lastStartMs = Date.now() - started;
	}

	private logSince(offset: number): string {
		return readFileSync(this.logFile).subarray(offset).toString('utf8');
	}

	private environment(): NodeJS.ProcessEnv {
		const { port, brokerPort, userFolder } = this.options;
		// Only what a shell gives any program: the harness's own environment (npm's variables,
		// jest's NODE_ENV=test, which silences n8n's console) or a developer's N8N_* must not leak in.
		const inherited = Object.fromEntries(
			Object.entries(process.env).filter(([key]) => /^(PATH|HOME|TMPDIR|LANG|LC_\w+)$/.test(key)),
		);
		return {
			...inherited,
			N8N_USER_FOLDER: userFolder,
			N8N_PORT: String(port),
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_HOST: '127.0.0.1',
			N8N_PROTOCOL: 'http',
			WEBHOOK_URL: this.options.webhookUrl ?? `${this.url}/`,
			N8N_EDITOR_BASE_URL: `${this.url}/`,
			N8N_SECURE_COOKIE: 'false',
			N8N_RUNNERS_BROKER_PORT: String(brokerPort),
			DB_TYPE: 'sqlite',
			N8N_ENCRYPTION_KEY: ENCRYPTION_PHRASE,
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
			GENERIC_TIMEZONE: 'UTC',
			N8N_LOG_LEVEL: 'info',
			N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '10',
			EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'all',
			EXECUTIONS_DATA_SAVE_ON_ERROR: 'all',
			// Nothing may leave the machine: no telemetry, templates, banners or version checks.
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_HIRING_BANNER_ENABLED: 'false',
			N8N_DYNAMIC_BANNERS_ENABLED: 'false',
			...this.installation.line.env,
		};
	}
}
