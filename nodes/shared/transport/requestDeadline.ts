import type { IHttpRequestOptions } from 'n8n-workflow';

function isAbortSignal(value: unknown): value is AbortSignal {
	return (
		typeof value === 'object' &&
		value !== null &&
		typeof (value as AbortSignal).aborted === 'boolean' &&
		typeof (value as AbortSignal).addEventListener === 'function'
	);
}

/** One request's deadline, and the signal the request is sent with. */
export interface RequestDeadline {
	/** Fires after the deadline: tells a deadline from other failures. */
	expired: AbortSignal;
	/** The deadline joined with the signal n8n assigned, if any: it must also cover reading the answer. */
	signal(): AbortSignal;
}

/**
 * Gives one request a total deadline. n8n's `timeout` only notices silence, so a server sending a
 * byte now and then could hold the call for ever; an abort signal that fires after `ms` ends it
 * whatever the server does.
 *
 * In an execution n8n overwrites `abortSignal` with the execution's cancel signal (both n8n lines
 * assign `requestOptions.abortSignal = this.getExecutionCancelSignal()` before sending), so the
 * property merges whatever n8n assigns with the deadline instead of letting it replace the deadline.
 */
export function withDeadline(options: IHttpRequestOptions, ms: number): RequestDeadline {
	const deadline = AbortSignal.timeout(ms);
	let signal = deadline;
	Object.defineProperty(options, 'abortSignal', {
		configurable: true,
		enumerable: true,
		get: () => signal,
		set: (assigned: unknown) => {
			signal = isAbortSignal(assigned) ? AbortSignal.any([deadline, assigned]) : deadline;
		},
	});
	return { expired: deadline, signal: () => signal };
}
