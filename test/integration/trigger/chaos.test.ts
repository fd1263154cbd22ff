/* eslint-disable @n8n/community-nodes/no-restricted-globals, no-console -- test-only: the seed comes from the environment and the figures are printed */
import { ChaosCounts, ChaosSequence } from './chaos/sequence';
import { Random } from './chaos/random';
import { useRig } from './rig';

/**
 * Lifecycle chaos: random sequences of activations, deactivations, lost static data, restarts,
 * test listening, faults in Kakiyo's answers and changes behind the trigger's back, against the
 * emulator, with the invariants checked after every step and once the sequence settles. Seeded:
 * KAKIYO_CHAOS_SEED=<seed> replays a run, KAKIYO_CHAOS_SEQUENCES=<n> makes it longer.
 */
const seed = Number(process.env.KAKIYO_CHAOS_SEED ?? Math.floor(Math.random() * 2 ** 31));
const sequences = Number(process.env.KAKIYO_CHAOS_SEQUENCES ?? 100);

const rig = useRig();

it(
	`keeps the trigger's invariants through ${sequences} random sequences (seed ${seed})`,
	async () => {
		console.log(`Lifecycle chaos: seed ${seed} (replay with KAKIYO_CHAOS_SEED=${seed})`);
		const counts = new ChaosCounts();
		const started = Date.now();
		for (let index = 0; index < sequences; index++) {
			rig.emulator.reset();
			const random = new Random(seed + index);
			await new ChaosSequence(rig, random, counts, `seed ${seed}, sequence ${index}`).run();
		}
		const elapsed = Date.now() - started;
		console.log(
			[
				`Lifecycle chaos, seed ${seed}: ${counts.sequences} sequences, ${counts.steps} steps, ${counts.settleAttempts} settle attempts, ${elapsed} ms`,
				`steps succeeded: ${JSON.stringify(counts.succeeded)}`,
				`steps failed:    ${JSON.stringify(counts.failed)}`,
				`faults injected: ${JSON.stringify(counts.faults)}`,
				`behind the back: ${JSON.stringify(counts.behindTheBack)}`,
				`invariant checks: ${JSON.stringify(counts.checks, null, 1)}`,
			].join('\n'),
		);
		expect(counts.sequences).toBe(sequences);
		expect(Object.values(counts.faults).every((injected) => injected > 0)).toBe(true);
	},
	Math.max(120_000, sequences * 1000),
);
