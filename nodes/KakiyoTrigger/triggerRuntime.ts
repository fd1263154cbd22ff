import { DEFAULT_RETRY_POLICY, type RetryPolicy } from '../shared/retryPolicy';

/** What a KakiyoTrigger can be built with; n8n builds it with none, so the defaults apply. */
export interface KakiyoTriggerOptions {
	/** Retry and timeout timing of Kakiyo API calls. */
	retry?: Readonly<RetryPolicy>;
}

/**
 * What one KakiyoTrigger instance carries into the functions n8n calls with its own `this`: n8n
 * builds each node class once per process, so this lives as long as the process.
 */
export class TriggerRuntime {
	readonly retry: Readonly<RetryPolicy>;

	constructor(options: KakiyoTriggerOptions = {}) {
		this.retry = options.retry ?? DEFAULT_RETRY_POLICY;
	}
}
