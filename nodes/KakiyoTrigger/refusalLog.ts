import { MAX_MAX_AGE_SECONDS } from './replayGuard';
import type { SignatureFailure } from './signature';

const WARNING_INTERVAL_MS = 60_000;

/** Why the replay guard ignored a genuine delivery: its timestamp, or a repeat of one accepted before. */
export type ReplayRefusal =
	| 'timestamp_stale'
	| 'timestamp_future'
	| 'timestamp_missing'
	| 'duplicate';

/** Every reason a delivery starts nothing that is worth a warning. */
export type RefusalReason = SignatureFailure | ReplayRefusal | 'misconfigured';

type Reasons = Partial<Record<RefusalReason, number>>;

/** A warning to write: what to say and the figures behind it. */
export interface RefusalWarning {
	message: string;
	refused: number;
	reasons: Reasons;
}

interface Tally {
	/** When the last warning was written. */
	warnedAt: number;
	/** Refusals since then, in all and by reason. */
	refused: number;
	reasons: Reasons;
}

/** The words of one kind of refusal: each kind is counted and reported on its own. */
interface RefusalKind {
	name: 'signature' | 'replay' | 'options';
	/** "refused" or "ignored". */
	verb: string;
	/** What the first refusal says about the delivery: "a delivery whose signature does not match". */
	delivery(reason: RefusalReason): string;
	/** What to make of the refusals, or do about them. */
	advice(reasons: Reasons): string;
}

const SIGNATURE: RefusalKind = {
	name: 'signature',
	verb: 'refused',
	delivery: (reason) =>
		reason === 'missing_secret'
			? 'a delivery'
			: reason === 'mismatch'
				? 'a delivery whose signature does not match'
				: `a delivery (${reason})`,
	advice: (reasons) => {
		if (reasons.missing_secret) {
			return 'No signing secret is stored for this webhook. Deactivate and re-activate the workflow so the trigger registers its webhook again.';
		}
		if (reasons.mismatch) {
			return 'If genuine Kakiyo deliveries are refused, deactivate and re-activate the workflow to register a fresh secret.';
		}
		return 'They carried no valid X-Kakiyo-Signature header, so they did not come from Kakiyo.';
	},
};

const REPLAY_DELIVERY: Record<ReplayRefusal, string> = {
	timestamp_stale: 'a delivery whose timestamp is older than its Max Event Age',
	timestamp_future: 'a delivery whose timestamp is further ahead than its Max Event Age',
	timestamp_missing: 'a delivery without a readable timestamp',
	duplicate: 'a delivery it had already accepted',
};

const REPLAY: RefusalKind = {
	name: 'replay',
	verb: 'ignored',
	delivery: (reason) => REPLAY_DELIVERY[reason as ReplayRefusal],
	advice: (reasons) =>
		[
			reasons.duplicate
				? 'A repeat is Kakiyo sending again a delivery whose answer it did not get, or a replay of a captured one; the workflow already ran for it.'
				: '',
			reasons.timestamp_stale || reasons.timestamp_future
				? "A timestamp outside the window is a replay of an old delivery, a clock that is off (check the n8n server's clock), or a Send Test example with a fixed timestamp (listen on the editor's test URL, which the guard leaves alone)."
				: '',
			reasons.timestamp_missing ? 'The guard needs the payload\'s "timestamp".' : '',
			"Max Event Age is in the trigger's Options; 0 turns the replay guard off.",
		]
			.filter(Boolean)
			.join(' '),
};

const MISCONFIGURED: RefusalKind = {
	name: 'options',
	verb: 'refused',
	delivery: () => 'a delivery: its Max Event Age is not a number of seconds',
	advice: () =>
		`Set Max Event Age to a number of seconds from 0 to ${MAX_MAX_AGE_SECONDS} (0 turns the replay guard off).`,
};

function kindOf(reason: RefusalReason): RefusalKind {
	if (reason === 'misconfigured') return MISCONFIGURED;
	return reason in REPLAY_DELIVERY ? REPLAY : SIGNATURE;
}

function firstMessage(kind: RefusalKind, reason: RefusalReason): string {
	return `Kakiyo Trigger ${kind.verb} ${kind.delivery(reason)}. ${kind.advice({ [reason]: 1 })} Further refusals are counted and reported at most once a minute.`;
}

/**
 * Bounds the log lines refused deliveries cause: anyone who knows a webhook URL can send forged
 * ones, anyone who captured a delivery can replay it, and one line each would let a flood fill a
 * self-hosted n8n's disk. Per workflow and kind (signature, replay, configuration), the first refusal
 * is reported at once, later ones at most once a minute with the count since the last report. Kept by
 * timestamps, without timers: a report is written when a refusal arrives after the minute is up.
 */
export class RefusalLog {
	private readonly tallies = new Map<string, Tally>();

	/** Counts one refusal; returns the warning to write now, if one is due. */
	record(workflowId: string, reason: RefusalReason, now: number): RefusalWarning | undefined {
		const kind = kindOf(reason);
		const key = `${kind.name} ${workflowId}`;
		const tally = this.tallies.get(key);
		if (!tally) {
			this.tallies.set(key, { warnedAt: now, refused: 0, reasons: {} });
			return { message: firstMessage(kind, reason), refused: 1, reasons: { [reason]: 1 } };
		}
		tally.refused += 1;
		tally.reasons[reason] = (tally.reasons[reason] ?? 0) + 1;
		const elapsed = now - tally.warnedAt;
		if (elapsed < WARNING_INTERVAL_MS) return undefined;

		const { refused, reasons } = tally;
		const byReason = Object.entries(reasons)
			.map(([name, count]) => `${name}: ${count}`)
			.join(', ');
		this.tallies.set(key, { warnedAt: now, refused: 0, reasons: {} });
		return {
			message: `Kakiyo Trigger ${kind.verb} ${refused} deliver${refused === 1 ? 'y' : 'ies'} in the last ${Math.round(elapsed / 1000)} s (${byReason}). ${kind.advice(reasons)}`,
			refused,
			reasons,
		};
	}
}
