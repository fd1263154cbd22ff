/* eslint-disable no-console -- a benchmark reports on the console */
/**
 * How fast the trigger checks a delivery signature, next to the bare minimum a correct check needs:
 * `createHmac` over the body plus `timingSafeEqual` against the decoded header. Both run in this
 * process, in interleaved rounds (alternating which goes first), for 1 KB and 64 KB bodies.
 * It reports; it never fails on a number. Run: `npm run bench` (or `npx tsx test/bench/signature.bench.ts`).
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { verifySignature } from '../../nodes/KakiyoTrigger/signature';
import { kakiyoSignature } from '../support/signature';

const ROUNDS = 60;
const ROUND_MS = 25;
const TOLERANCE = 0.1;

type Check = (body: Buffer, header: string, secret: string) => boolean;

const ours: Check = (body, header, secret) => verifySignature(body, header, secret).valid;

const baseline: Check = (body, header, secret) =>
	timingSafeEqual(
		createHmac('sha256', secret).update(body).digest(),
		Buffer.from(header.slice('sha256='.length), 'hex'),
	);

/** A Kakiyo-like JSON payload padded to `size` bytes. */
function payload(size: number): Buffer {
	const head = '{"event":"linkedin.message.received","teamId":"team_1","data":{"message":"';
	const tail = '"}}';
	const filler = randomBytes(size)
		.toString('base64')
		.slice(0, size - head.length - tail.length);
	return Buffer.from(head + filler + tail, 'utf8');
}

function timeIt(check: Check, iterations: number, body: Buffer, header: string, secret: string) {
	let accepted = 0;
	const started = performance.now();
	for (let i = 0; i < iterations; i++) if (check(body, header, secret)) accepted++;
	const elapsedMs = performance.now() - started;
	// Every call must accept the valid signature, which also keeps the work from being optimised away.
	if (accepted !== iterations) throw new Error('a valid signature was refused');
	return elapsedMs;
}

/** Iterations that take about ROUND_MS for the baseline. */
function calibrate(body: Buffer, header: string, secret: string): number {
	let iterations = 100;
	while (timeIt(baseline, iterations, body, header, secret) < ROUND_MS / 4) iterations *= 2;
	return Math.max(100, Math.round(iterations * 4));
}

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function bench(label: string, size: number) {
	const secret = randomBytes(32).toString('hex');
	const body = payload(size);
	const header = kakiyoSignature(secret, body);
	const iterations = calibrate(body, header, secret);
	// Warm both paths up before measuring.
	timeIt(ours, iterations, body, header, secret);
	timeIt(baseline, iterations, body, header, secret);

	const rounds = { ours: [] as number[], baseline: [] as number[] };
	const ratios: number[] = [];
	for (let round = 0; round < ROUNDS; round++) {
		const order: Array<[keyof typeof rounds, Check]> = [
			['ours', ours],
			['baseline', baseline],
		];
		if (round % 2) order.reverse();
		const elapsed = { ours: 0, baseline: 0 };
		for (const [name, check] of order)
			elapsed[name] = timeIt(check, iterations, body, header, secret);
		rounds.ours.push(elapsed.ours);
		rounds.baseline.push(elapsed.baseline);
		ratios.push(elapsed.baseline / elapsed.ours);
	}

	// Each path's fastest round is the one least disturbed by the rest of the machine; the ratio pairs
	// the two runs of each round, which share whatever load there was, and takes the median.
	const opsPerSecond = (elapsedMs: number[]) => (iterations * 1000) / Math.min(...elapsedMs);
	const ratio = median(ratios);
	return {
		body: label,
		bytes: body.length,
		'ours ops/s': Math.round(opsPerSecond(rounds.ours)),
		'baseline ops/s': Math.round(opsPerSecond(rounds.baseline)),
		ratio: Number(ratio.toFixed(3)),
		'within 10%': ratio >= 1 - TOLERANCE ? 'yes' : 'no',
	};
}

console.log(
	`Signature verification: our verifySignature vs bare createHmac + timingSafeEqual ` +
		`(${ROUNDS} interleaved rounds of ~${ROUND_MS} ms each)`,
);
console.table([bench('1 KB', 1024), bench('64 KB', 64 * 1024)]);
console.log(
	"ops/s: each path's fastest round. ratio: ours / baseline speed, median over the paired rounds " +
		'(1.0 = no overhead). Reported only, never enforced.',
);
