/* eslint-disable @n8n/community-nodes/no-restricted-imports -- benchmark: reads the .cpuprofile Node wrote */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

/** The parts of V8's `.cpuprofile` (what `node --cpu-prof` writes) that the analysis reads. */
interface CpuProfile {
	nodes: Array<{
		id: number;
		callFrame: { functionName: string; url: string; lineNumber: number };
		children?: number[];
	}>;
	/** Microseconds on the monotonic clock, the same as `process.hrtime` in any process. */
	startTime: number;
	samples: number[];
	timeDeltas: number[];
}

export interface Frame {
	name: string;
	url: string;
}

/** One sample of the main thread: its stack (leaf first) and the time it stands for. */
export interface Sample {
	atUs: number;
	weightUs: number;
	stack: Frame[];
}

export function readSamples(file: string): Sample[] {
	const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
	const frames = new Map<number, Frame>();
	const parents = new Map<number, number>();
	for (const node of profile.nodes) {
		const { functionName, url, lineNumber } = node.callFrame;
		frames.set(node.id, {
			name: `${functionName || '(anonymous)'} ${url ? `${basename(url)}:${lineNumber + 1}` : ''}`.trim(),
			url,
		});
		for (const child of node.children ?? []) parents.set(child, node.id);
	}
	const samples: Sample[] = [];
	let at = profile.startTime;
	for (const [index, id] of profile.samples.entries()) {
		at += profile.timeDeltas[index];
		const stack: Frame[] = [];
		for (let node: number | undefined = id; node !== undefined; node = parents.get(node))
			stack.push(frames.get(node)!);
		const next = profile.timeDeltas[index + 1];
		samples.push({ atUs: at, weightUs: next ?? 0, stack });
	}
	return samples;
}

/** Samples in [fromUs, toUs] in which the thread was doing something (not idle). */
export function busySamples(samples: Sample[], fromUs: number, toUs: number): Sample[] {
	return samples.filter(
		(sample) => sample.atUs >= fromUs && sample.atUs <= toUs && sample.stack[0].name !== '(idle)',
	);
}

/** Total weight (ms) of the samples whose stack has a frame matching `match`. */
export function inclusiveMs(samples: Sample[], match: (frame: Frame) => boolean): number {
	return (
		samples
			.filter((sample) => sample.stack.some(match))
			.reduce((total, sample) => total + sample.weightUs, 0) / 1000
	);
}

/**
 * For the samples inside frames matching `inside`, the call chain that led there: the `depth`
 * frames just outside the outermost matching frame, with their total weight (ms), heaviest first.
 */
export function entryPoints(
	samples: Sample[],
	inside: (frame: Frame) => boolean,
	depth: number,
): Array<[string, number]> {
	const totals = new Map<string, number>();
	for (const sample of samples) {
		let outermost = -1;
		sample.stack.forEach((frame, index) => {
			if (inside(frame)) outermost = index;
		});
		if (outermost < 0) continue;
		const chain = sample.stack
			.slice(outermost, outermost + depth + 1)
			.map((frame) => frame.name)
			.reverse()
			.join(' → ');
		totals.set(chain, (totals.get(chain) ?? 0) + sample.weightUs / 1000);
	}
	return [...totals.entries()].sort((a, b) => b[1] - a[1]);
}

/** Self time (ms) per leaf frame, heaviest first. */
export function selfTimes(samples: Sample[]): Array<[string, number]> {
	const totals = new Map<string, number>();
	for (const sample of samples) {
		const leaf = sample.stack[0].name;
		totals.set(leaf, (totals.get(leaf) ?? 0) + sample.weightUs / 1000);
	}
	return [...totals.entries()].sort((a, b) => b[1] - a[1]);
}
