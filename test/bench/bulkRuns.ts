import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { Kakiyo } from '../../nodes/Kakiyo/Kakiyo.node';
import { startEmulator, type RunningEmulator } from '../emulator';
import { apiClient } from '../emulator/testKit';
import { TestWorkflow } from '../support/n8nRuntime';

/**
 * The runs of `npm run bench:bulk` (see bulk.bench.ts): for each batch operation, Input "One per
 * Input Item" and the one-call-per-row operation on the same rows, in n8n-core's real execute context
 * against an emulator that answers every call late.
 */
interface Run {
	label: string;
	/** Kakiyo's documented requests a minute on this endpoint. */
	perMinute: number;
	parameters: INodeParameters;
	/** The input rows, after any set-up of the emulator's state. */
	rows(emulator: RunningEmulator, count: number): Promise<IDataObject[]>;
}

interface Pair {
	operation: string;
	batched: Run;
	perRow: Run;
}

const person = (index: number) => ({
	name: `Person ${index}`,
	url: `https://www.linkedin.com/in/bench-person-${index}`,
});

const rangeOf = (count: number) => Array.from({ length: count }, (_, index) => index);

/** Imports `count` prospects into the seeded campaign, 100 a call; with `paused`, pauses each chat. */
async function importedProspects(emulator: RunningEmulator, count: number, paused: boolean) {
	const api = apiClient(
		() => emulator.baseUrl,
		() => emulator.apiKey,
	);
	const campaignId = emulator.state().teams[0].campaigns[0].id;
	for (let start = 0; start < count; start += 100) {
		const prospects = rangeOf(Math.min(100, count - start)).map((i) => person(start + i));
		await api('/prospects/batch', { method: 'POST', body: { campaignId, prospects } });
	}
	const created = emulator.state().teams[0].prospects.filter((p) => p.name.startsWith('Person '));
	// Kakiyo deletes one prospect only once its chat is paused; 50 pauses at a time.
	for (let start = 0; paused && start < created.length; start += 50) {
		await Promise.all(
			created
				.slice(start, start + 50)
				.map(({ chat }) => api(`/prospects/${chat.id}/pause`, { method: 'POST' })),
		);
	}
	return created.map(({ id }) => ({ prospectId: id }));
}

const campaignRows = async (emulator: RunningEmulator, count: number) => {
	const campaignId = emulator.state().teams[0].campaigns[0].id;
	return rangeOf(count).map((index) => ({ campaignId, ...person(index) }));
};
const urlRows = async (_emulator: RunningEmulator, count: number) =>
	rangeOf(count).map((index) => ({ url: person(index).url }));

const prospectFields = {
	campaignId: { __rl: true, mode: 'id', value: '={{ $json.campaignId }}' },
	name: '={{ $json.name }}',
	url: '={{ $json.url }}',
};
const byProspectId = { __rl: true, mode: 'id', value: '={{ $json.prospectId }}' };

const PAIRS: Pair[] = [
	{
		operation: 'Prospect: add',
		batched: {
			label: 'Add Many, one per input item',
			perMinute: 60,
			parameters: { resource: 'prospect', operation: 'createMany', ...prospectFields },
			rows: campaignRows,
		},
		perRow: {
			label: 'Add, one call per row',
			perMinute: 60,
			parameters: { resource: 'prospect', operation: 'create', ...prospectFields },
			rows: campaignRows,
		},
	},
	{
		operation: 'Do Not Contact: add',
		batched: {
			label: 'Add Many, one per input item',
			perMinute: 10,
			parameters: { resource: 'doNotContact', operation: 'createMany', url: '={{ $json.url }}' },
			rows: urlRows,
		},
		perRow: {
			label: 'Add, one call per row',
			perMinute: 30,
			parameters: { resource: 'doNotContact', operation: 'create', url: '={{ $json.url }}' },
			rows: urlRows,
		},
	},
	{
		operation: 'Prospect: delete',
		batched: {
			label: 'Delete Many, one per input item',
			perMinute: 60,
			parameters: { resource: 'prospect', operation: 'deleteMany', prospectId: byProspectId },
			rows: (emulator, count) => importedProspects(emulator, count, false),
		},
		perRow: {
			label: 'Delete, one call per row',
			perMinute: 60,
			parameters: { resource: 'prospect', operation: 'delete', prospectId: byProspectId },
			rows: (emulator, count) => importedProspects(emulator, count, true),
		},
	},
];

/** The least time `calls` calls take under a sliding limit of `perMinute` a minute: the last one's start. */
const leastMinutes = (calls: number, perMinute: number) =>
	Math.floor((Math.max(calls, 1) - 1) / perMinute);

async function measure(emulator: RunningEmulator, run: Run, count: number) {
	emulator.reset();
	const rows = await run.rows(emulator, count);
	emulator.clearRequests();
	const creditsBefore = emulator.credits();
	const started = performance.now();
	// The node as n8n builds it: the shipped retry policy.
	const workflow = new TestWorkflow({
		nodeType: new Kakiyo(),
		parameters: run.parameters,
		credentials: { apiKey: emulator.apiKey, url: emulator.baseUrl },
	});
	const [output] = await workflow.run(rows.map((json) => ({ json })));
	const wallMs = performance.now() - started;
	const failed = output.filter(({ json }) => json.error !== undefined || json.status === 'error');
	if (output.length !== count || failed.length > 0) {
		throw new Error(`${run.label}: ${output.length} output items, ${failed.length} failed`);
	}
	const calls = emulator.requests().length;
	return { calls, credits: emulator.credits() - creditsBefore, wallMs };
}

/** Runs every pair on `count` rows; one table row per run and one with the ratios, per 1,000 rows. */
export async function benchBulk(count: number, latencyMs: number): Promise<IDataObject[]> {
	const per1000 = (value: number) => Math.round((value * 1000) / count);
	const ratio = (a: number, b: number) => Number((a / b).toFixed(1));
	const emulator = await startEmulator({ latencyMs });
	const table: IDataObject[] = [];
	try {
		// Loads and warms n8n-core's code paths, so that the first measured run does not pay for it.
		await measure(emulator, PAIRS[0].perRow, 10);
		for (const pair of PAIRS) {
			const [batched, perRow] = [
				await measure(emulator, pair.batched, count),
				await measure(emulator, pair.perRow, count),
			];
			for (const [run, figures] of [
				[pair.batched, batched],
				[pair.perRow, perRow],
			] as const) {
				table.push({
					operation: pair.operation,
					mode: run.label,
					'calls / 1,000 rows': per1000(figures.calls),
					'credits / 1,000 rows': per1000(figures.credits),
					'wall time (s)': Number((figures.wallMs / 1000).toFixed(2)),
					"at Kakiyo's limit, at least (min)": leastMinutes(per1000(figures.calls), run.perMinute),
				});
			}
			table.push({
				operation: pair.operation,
				mode: 'one call per row ÷ batched',
				'calls / 1,000 rows': ratio(perRow.calls, batched.calls),
				'credits / 1,000 rows': ratio(perRow.credits, batched.credits),
				'wall time (s)': ratio(perRow.wallMs, batched.wallMs),
			});
		}
	} finally {
		await emulator.close();
	}
	return table;
}
