/** How many deliveries one n8n process remembers at most (about 150 bytes each). */
const DEFAULT_CAPACITY = 10_000;

/**
 * The deliveries this process accepted lately, by signature digest, each until its timestamp leaves
 * the Max Event Age window: until then the clock check would let a replay through, afterwards it
 * refuses it. Together, within one process, every repeat of an accepted delivery is refused.
 *
 * The digest is the HMAC of the body under the webhook's own secret, so it names one delivery to one
 * webhook. Only accepted deliveries are remembered: an attempt answered with an error is not, and
 * Kakiyo's retry of it runs. A delivery answered 200 whose answer Kakiyo did not get comes again
 * with the same body and is refused, as the workflow already ran for it.
 *
 * Memory only: another process (a second webhook process or main in queue mode, or this one after a
 * restart) does not know what this one accepted, and there the clock check is the only guard. The
 * memory is bounded: past `capacity`, the oldest entries go first, and a replay of one of them is
 * again left to the clock check. Only genuine deliveries are remembered (a forged one never gets
 * this far), so only Kakiyo's own traffic can fill it.
 */
export class RecentDeliveries {
	/** Digest to the last moment (epoch ms) a replay could pass the clock check, oldest first. */
	private readonly until = new Map<string, number>();

	constructor(private readonly capacity = DEFAULT_CAPACITY) {}

	/**
	 * Remembers a delivery until `expiresAt`; false when it was remembered already and has not
	 * expired (a replay, or Kakiyo sending again a delivery whose answer it did not get).
	 */
	admit(digest: string, expiresAt: number, now: number): boolean {
		this.forgetExpired(now);
		const known = this.until.get(digest);
		if (known !== undefined && known >= now) return false;
		this.until.delete(digest);
		if (this.until.size >= this.capacity) this.until.delete(this.until.keys().next().value!);
		this.until.set(digest, expiresAt);
		return true;
	}

	get size(): number {
		return this.until.size;
	}

	/**
	 * Drops expired entries from the oldest end. Entries expire roughly in the order they came (each
	 * within two windows of its arrival), so this stops at the first live one instead of walking all;
	 * an expired entry behind it is judged expired by `admit` and goes when it reaches the end.
	 */
	private forgetExpired(now: number): void {
		for (const [digest, expiresAt] of this.until) {
			if (expiresAt >= now) return;
			this.until.delete(digest);
		}
	}
}
