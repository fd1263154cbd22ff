import type { SignatureFailure } from './signature';

const WARNING_INTERVAL_MS = 60_000;

/** A warning to write: what to say and the figures behind it. */
export interface RefusalWarning {
	message: string;
	refused: number;
	reasons: Partial<Record<SignatureFailure, number>>;
}

interface Tally {
	/** When the last warning was written. */
	warnedAt: number;
	/** Refusals since then, in all and by reason. */
	refused: number;
	reasons: Partial<Record<SignatureFailure, number>>;
}

function advice(reasons: Partial<Record<SignatureFailure, number>>): string {
	if (reasons.missing_secret) {
		return 'No signing secret is stored for this webhook. Deactivate and re-activate the workflow so the trigger registers its webhook again.';
	}
	if (reasons.mismatch) {
		return 'If genuine Kakiyo deliveries are refused, deactivate and re-activate the workflow to register a fresh secret.';
	}
	return 'They carried no valid X-Kakiyo-Signature header, so they did not come from Kakiyo.';
}

function firstMessage(reason: SignatureFailure): string {
	const what =
		reason === 'missing_secret'
			? 'a delivery'
			: reason === 'mismatch'
				? 'a delivery whose signature does not match'
				: `a delivery (${reason})`;
	return `Kakiyo Trigger refused ${what}. ${advice({ [reason]: 1 })} Further refusals are counted and reported at most once a minute.`;
}

/**
 * Bounds the log lines refused deliveries cause: anyone who knows a webhook URL can send them, and one
 * line each would let a flood fill a self-hosted n8n's disk. Per workflow, the first refusal is reported
 * at once, later ones at most once a minute with the count since the last report. Kept by timestamps,
 * without timers: a report is written when a refusal arrives after the minute is up.
 */
export class RefusalLog {
	private readonly byWorkflow = new Map<string, Tally>();

	/** Counts one refusal; returns the warning to write now, if one is due. */
	record(workflowId: string, reason: SignatureFailure, now: number): RefusalWarning | undefined {
		const tally = this.byWorkflow.get(workflowId);
		if (!tally) {
			this.byWorkflow.set(workflowId, { warnedAt: now, refused: 0, reasons: {} });
			return { message: firstMessage(reason), refused: 1, reasons: { [reason]: 1 } };
		}
		tally.refused += 1;
		tally.reasons[reason] = (tally.reasons[reason] ?? 0) + 1;
		const elapsed = now - tally.warnedAt;
		if (elapsed < WARNING_INTERVAL_MS) return undefined;

		const { refused, reasons } = tally;
		const byReason = Object.entries(reasons)
			.map(([name, count]) => `${name}: ${count}`)
			.join(', ');
		this.byWorkflow.set(workflowId, { warnedAt: now, refused: 0, reasons: {} });
		return {
			message: `Kakiyo Trigger refused ${refused} deliver${refused === 1 ? 'y' : 'ies'} in the last ${Math.round(elapsed / 1000)} s (${byReason}). ${advice(reasons)}`,
			refused,
			reasons,
		};
	}
}
