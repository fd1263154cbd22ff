/**
 * Runs work one at a time per key, in arrival order, within this process. Nothing here waits on a
 * timer: every Kakiyo call has a total deadline, so a turn always ends.
 */
export class KeyedLock {
	private readonly tails = new Map<string, Promise<void>>();

	async run<T>(key: string, work: () => Promise<T>): Promise<T> {
		const previous = this.tails.get(key) ?? Promise.resolve();
		const result = previous.then(work);
		const tail = result.then(
			() => undefined,
			() => undefined,
		);
		this.tails.set(key, tail);
		try {
			return await result;
		} finally {
			if (this.tails.get(key) === tail) this.tails.delete(key);
		}
	}
}
