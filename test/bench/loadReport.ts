import type { BatchMeasurement } from './loadRun';
import type { WorkflowKey } from './loadWorkflows';

/** One workflow's figures over all its batches in one n8n. */
export interface WorkflowSummary {
	key: WorkflowKey;
	sent: number;
	/** e.g. `200×1000` or `401×1000`. */
	answers: string;
	/** Requests answered as they should be (200, W4: 401) per second of sending. */
	answeredPerSecond: number;
	p50Ms: number;
	p99Ms: number;
	/** Successful executions per second, from the first request to the last execution's stop. */
	executionsPerSecond: number | undefined;
	cpuMsPerDelivery: number;
	servicesCpuMsPerDelivery: number;
	/**
	 * W1–W3: deliveries without exactly one successful execution (non-200 answers, missing,
	 * failed or extra executions). W4: answers other than 401, plus any execution at all.
	 */
	lost: number;
	/** What the lost ones were: e.g. `missing 3, crashed 2`. */
	lostDetail: string;
}

export function summarize(measurements: BatchMeasurement[]): WorkflowSummary[] {
	const keys = [...new Set(measurements.map((measurement) => measurement.key))].sort();
	return keys.map((key) => {
		const batches = measurements.filter((measurement) => measurement.key === key);
		const sum = (pick: (batch: BatchMeasurement) => number) =>
			batches.reduce((total, batch) => total + pick(batch), 0);
		const statuses = batches.flatMap((batch) => batch.statuses);
		const latencies = batches.flatMap((batch) => batch.latenciesMs).sort((a, b) => a - b);
		const forged = key === 'W4';
		const wanted = forged ? 401 : 200;
		const answeredWell = statuses.filter((status) => status === wanted).length;
		const succeeded = sum((batch) => batch.succeeded);
		const failedByStatus: Record<string, number> = {};
		for (const batch of batches)
			for (const [status, count] of Object.entries(batch.failed))
				failedByStatus[status] = (failedByStatus[status] ?? 0) + count;
		const failed = Object.values(failedByStatus).reduce((total, count) => total + count, 0);
		const executions = succeeded + failed;
		const expected = forged ? 0 : answeredWell;
		const executionMs = sum((batch) => batch.executionWindowMs);
		return {
			key,
			sent: statuses.length,
			answers: countsOf(statuses),
			answeredPerSecond: (answeredWell * 1000) / sum((batch) => batch.httpMs),
			p50Ms: percentile(latencies, 0.5),
			p99Ms: percentile(latencies, 0.99),
			executionsPerSecond: executionMs > 0 ? (succeeded * 1000) / executionMs : undefined,
			cpuMsPerDelivery: sum((batch) => batch.n8nCpuMs) / statuses.length,
			servicesCpuMsPerDelivery: sum((batch) => batch.servicesCpuMs) / statuses.length,
			lost:
				statuses.length - answeredWell + Math.abs(expected - executions) + (forged ? 0 : failed),
			lostDetail: [
				[`answered otherwise`, statuses.length - answeredWell],
				[`no execution`, expected - executions],
				[`extra executions`, executions - expected],
				...Object.entries(failedByStatus),
			]
				.filter(([, count]) => Number(count) > 0)
				.map(([what, count]) => `${what} ${count}`)
				.join(', '),
		};
	});
}

/** The ratios the issue asks for, each "a/b" as a factor. */
export function ratios(summaries: WorkflowSummary[]): Array<[string, number | undefined]> {
	const of = (key: WorkflowKey) => summaries.find((summary) => summary.key === key);
	const ratio = (a: number | undefined, b: number | undefined) =>
		a === undefined || b === undefined || b === 0 ? undefined : a / b;
	const [w1, w2, w3, w4] = (['W1', 'W2', 'W3', 'W4'] as const).map(of);
	return [
		['W3/W1 executions/s', ratio(w3?.executionsPerSecond, w1?.executionsPerSecond)],
		['W3/W1 CPU per delivery', ratio(w3?.cpuMsPerDelivery, w1?.cpuMsPerDelivery)],
		['W3/W2 executions/s', ratio(w3?.executionsPerSecond, w2?.executionsPerSecond)],
		['W3/W2 CPU per delivery', ratio(w3?.cpuMsPerDelivery, w2?.cpuMsPerDelivery)],
		['W4/W3 CPU per delivery', ratio(w4?.cpuMsPerDelivery, w3?.cpuMsPerDelivery)],
		['W4/W3 p50 latency', ratio(w4?.p50Ms, w3?.p50Ms)],
	];
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: number[], fraction: number): number {
	if (sorted.length === 0) return 0;
	return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)];
}

function countsOf(statuses: number[]): string {
	const counts = new Map<number, number>();
	for (const status of statuses) counts.set(status, (counts.get(status) ?? 0) + 1);
	return [...counts.entries()]
		.sort(([a], [b]) => a - b)
		.map(([status, count]) => `${status}×${count}`)
		.join(' ');
}

/** A Markdown table (what the README shows), columns padded for the terminal. */
export function markdownTable(header: string[], rows: string[][]): string {
	const widths = header.map((title, column) =>
		Math.max(title.length, ...rows.map((row) => row[column].length)),
	);
	const line = (cells: string[]) =>
		`| ${cells.map((cell, column) => cell.padEnd(widths[column])).join(' | ')} |`;
	return [
		line(header),
		`| ${widths.map((width) => '-'.repeat(width)).join(' | ')} |`,
		...rows.map(line),
	].join('\n');
}
