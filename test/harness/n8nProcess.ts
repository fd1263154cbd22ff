/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test-only harness: spawns and stops real n8n processes */
import type { ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';

import { sleep } from 'n8n-workflow';

import { waitFor } from '../support/waitFor';
import type { N8nInstallation } from './n8nInstaller';
import type { PostgresConnection } from './postgresServer';
import { onShutdown, stopGroup } from './processRegistry';
import { spawnLogged, tailOf } from './runCommand';

/**
 * What an n8n process does: `main` (`n8n start`: editor, REST API, trigger registration, and in
 * single-process mode everything else), or in queue mode a `webhook` process (`n8n webhook`:
 * receives production webhooks and enqueues executions) or a `worker` (`n8n worker`: runs them).
 */
export type N8nRole = 'main' | 'webhook' | 'worker';

/** Queue mode: every process of one n8n shares the database and the Redis queue. */
export interface QueueMode {
	postgres: PostgresConnection;
	redis: { host: string; port: number };
}

export interface N8nServerOptions {
	/** `N8N_USER_FOLDER`: database, settings and `.n8n/nodes` (where the package is deployed). */
	userFolder: string;
	/** HTTP port; for a worker, the port of its health-check server. */
	port: number;
	/** 2.x runs an internal task-runner broker on its own port; it must not clash with other instances. */
	brokerPort: number;
	/** Public base URL for webhooks (a tunnel, or the webhook process in queue mode); default the loopback URL. */
	webhookUrl?: string;
	/** Default `main`. */
	role?: N8nRole;
	/** Postgres and Redis instead of sqlite and in-process executions. */
	queue?: QueueMode;
	/** Settings on top of the harness's (e.g. the expression engine the benchmark compares). */
	env?: Readonly<Record<string, string>>;
	/** Node.js options before n8n's entry point (e.g. `--cpu-prof`). */
	nodeOptions?: string[];
}

/** Log lines n8n prints once a process serves what its role is for (the same in 1.x and 2.x). */
const READY_LINE: Record<N8nRole, string> = {
	// Printed after the stored active workflows were activated: a restarted main is not half ready.
	main: 'Editor is now accessible',
	webhook: 'Webhook listener waiting for requests.',
	worker: 'n8n worker is now ready',
};

// A fixed key keeps credentials decryptable across restarts of the same user folder.
const COMMAND: Record<N8nRole, string> = { main: 'start', webhook: 'webhook', worker: 'worker' };

const ENCRYPTION_PHRASE = 'kakiyo-e2e-only-encryption-phrase';

/** One n8n process on 127.0.0.1, restartable on the same folder and ports (the webhook URLs stay valid). */
export class N8nServer {
	readonly url: string;

	readonly logFile: string;

	readonly role: N8nRole;

	/** How long the last (re)start took from spawn to REST readiness. */
	lastStartMs = 0;

	private child: ChildProcess | undefined;

	private unregister: (() => void) | undefined;

	private logStart = 0;

	private constructor(
		private readonly installation: N8nInstallation,
		readonly options: N8nServerOptions,
	) {
		this.url = `http://127.0.0.1:${options.port}`;
		this.logFile = join(options.userFolder, 'n8n.log');
		this.role = options.role ?? 'main';
	}

	/** Its user folder's name, e.g. `n8n2-worker1`. */
	get name(): string {
		return basename(this.options.userFolder);
	}

	/** The n8n process (leader of its process group, which also holds its task runner); undefined when stopped. */
	get pid(): number | undefined {
		return this.child?.pid;
	}

	/** The log written since this process last started (how a scenario tells which worker ran what). */
	currentLog(): string {
		return this.logSince(this.logStart);
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
		if (child) await stopGroup(child, 'SIGTERM', 20_000);
	}

	private async launch(): Promise<void> {
		this.logStart = existsSync(this.logFile) ? statSync(this.logFile).size : 0;
		const child = spawnLogged(
			this.installation.nodeBinary,
			[...(this.options.nodeOptions ?? []), this.installation.n8nEntry, COMMAND[this.role]],
			{ cwd: this.options.userFolder, env: this.environment(), logFile: this.logFile },
		);
		this.child = child;
		this.unregister = onShutdown(async () => await this.stop());
		await this.waitUntilReady(child, this.logStart);
	}

	/**
	 * Main: `/healthz` answers before migrations finish, and on 1.x `/healthz/readiness` answers
	 * about 4 s before the REST routes exist (n8n before 1.5x has no such route); only
	 * `/rest/settings` proves the API is mounted.
	 * Webhook processes and workers: `/healthz/readiness` (database and Redis reachable) on their
	 * port. Each role then prints its ready line (main only after activating the stored active
	 * workflows). A crash right after readiness (1.x without the legacy expression engine) is
	 * caught by the PID check.
	 */
	private async waitUntilReady(child: ChildProcess, logStart: number): Promise<void> {
		const started = Date.now();
		const what = `n8n ${this.installation.line.n8nVersion} ${this.role} on port ${this.options.port}`;
		const logTail = () => `Last lines of ${this.logFile}:\n${tailOf(this.logFile, 30)}`;
		const exitedEarly = () => {
			if (child.exitCode !== null || child.signalCode !== null) {
				throw new Error(
					`${what} exited (${child.signalCode ?? `code ${child.exitCode}`}) while starting. ${logTail()}`,
				);
			}
		};
		const probes = this.role === 'main' ? ['/rest/settings'] : ['/healthz/readiness'];
		let ready = false;
		try {
			await waitFor(
				async () => {
					exitedEarly();
					for (const path of probes) {
						const response = await fetch(`${this.url}${path}`).catch(() => undefined);
						await response?.arrayBuffer();
						if (response?.status !== 200) return undefined;
					}
					return this.logSince(logStart).includes(READY_LINE[this.role]) ? true : undefined;
				},
				{
					what: `${what} to become ready`,
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
		const { port, brokerPort, userFolder, queue } = this.options;
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
			...(queue ? this.queueEnvironment(queue) : {}),
			...this.installation.line.env,
			...this.options.env,
		};
	}

	/** n8n's own queue-mode settings (`@n8n/config`: executions, database, scaling-mode, endpoints). */
	private queueEnvironment({ postgres, redis }: QueueMode): Record<string, string> {
		return {
			EXECUTIONS_MODE: 'queue',
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: postgres.host,
			DB_POSTGRESDB_PORT: String(postgres.port),
			DB_POSTGRESDB_DATABASE: postgres.database,
			DB_POSTGRESDB_USER: postgres.user,
			QUEUE_BULL_REDIS_HOST: redis.host,
			QUEUE_BULL_REDIS_PORT: String(redis.port),
			// Production webhooks are served by the webhook processes only, as in a real deployment.
			...(this.role === 'main' ? { N8N_DISABLE_PRODUCTION_MAIN_PROCESS: 'true' } : {}),
			// A worker has no HTTP server but this one (/healthz/readiness), on loopback only.
			...(this.role === 'worker'
				? {
						QUEUE_HEALTH_CHECK_ACTIVE: 'true',
						QUEUE_HEALTH_CHECK_PORT: String(this.options.port),
						N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
					}
				: {}),
		};
	}
}
