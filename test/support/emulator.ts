import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../emulator';

/**
 * One Kakiyo emulator for the calling file or describe block: started before its tests, closed after them,
 * and back to its seed before each test (state, logs, faults and rate counters). The returned object is
 * filled in once the emulator is up, so clients built from it at load time work in the tests. (`useRig` in
 * test/integration/trigger/rig.ts adds n8n's webhook receiver for the trigger's tests.)
 */
export function useEmulator(options: EmulatorOptions = {}): RunningEmulator {
	const emulator = {} as RunningEmulator;
	beforeAll(async () => {
		Object.assign(emulator, await startEmulator(options));
	});
	afterAll(async () => {
		// Absent when the start itself failed; jest reports that failure.
		if (emulator.close) await emulator.close();
	});
	beforeEach(() => emulator.reset());
	return emulator;
}

/** An emulator of its own for one test (other options than the file's), closed when `use` settles. */
export async function withEmulator<T>(
	options: EmulatorOptions,
	use: (emulator: RunningEmulator) => Promise<T>,
): Promise<T> {
	const emulator = await startEmulator(options);
	try {
		return await use(emulator);
	} finally {
		await emulator.close();
	}
}
