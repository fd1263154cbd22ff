import type { N8nLine } from '../harness/n8nLines';

/**
 * n8n settings a high-volume user of n8n 2.x can change, as the benchmark and the profiler compare
 * them (each in its own n8n). Names are what `--settings` takes.
 */
export interface Setting {
	label: string;
	env?: Record<string, string>;
	webhookProcesses?: number;
	/** Only on these lines / modes (a 2.x engine setting means nothing to 1.x on Node 20). */
	lines?: Array<N8nLine['id']>;
	modes?: Mode[];
}

export type Mode = 'single' | 'queue';

export const SETTINGS: Readonly<Record<string, Setting>> = {
	default: { label: "n8n's defaults" },
	legacy: {
		label: 'N8N_EXPRESSION_ENGINE=legacy (no isolates)',
		env: { N8N_EXPRESSION_ENGINE: 'legacy' },
		lines: ['2'],
	},
	pool4: {
		label: 'N8N_EXPRESSION_ENGINE_POOL_SIZE=4 (default 1)',
		env: { N8N_EXPRESSION_ENGINE_POOL_SIZE: '4' },
		lines: ['2'],
	},
	lazy: {
		label: 'N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE=true (isolate only when an expression runs)',
		env: { N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE: 'true' },
		lines: ['2'],
	},
	dbpool10: {
		label: 'DB_POSTGRESDB_POOL_SIZE=10 (default 2)',
		env: { DB_POSTGRESDB_POOL_SIZE: '10' },
		modes: ['queue'],
	},
	webhooks2: {
		label: 'queue mode with 2 webhook processes',
		webhookProcesses: 2,
		modes: ['queue'],
	},
};
