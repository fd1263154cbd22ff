import { DEFAULT_RETRY_POLICY, type RetryPolicy } from '../shared/transport/retryPolicy';
import { KeyedLock } from './keyedLock';
import { RecentDeliveries } from './recentDeliveries';
import { RefusalLog } from './refusalLog';
import { HookMemory } from './triggerState';

/** What a KakiyoTrigger can be built with; n8n builds it with none, so the defaults apply. */
export interface KakiyoTriggerOptions {
	/** Retry and timeout timing of Kakiyo API calls. */
	retry?: Readonly<RetryPolicy>;
	/** The clock, in epoch milliseconds. */
	now?: () => number;
}

/**
 * What one KakiyoTrigger instance carries into the functions n8n calls with its own `this`: n8n
 * builds each node class once per process, so this lives as long as the process.
 */
export class TriggerRuntime {
	readonly retry: Readonly<RetryPolicy>;

	readonly now: () => number;

	/** Lifecycle steps run one at a time per webhook URL. */
	readonly lock = new KeyedLock();

	/** The state last stored per webhook URL, for activations running side by side. */
	readonly memory = new HookMemory();

	/** Refused deliveries per workflow, so that a flood of them writes a warning a minute, not one each. */
	readonly refusals = new RefusalLog();

	/** Deliveries accepted within their Max Event Age, so that a repeat of one starts nothing. */
	readonly recent = new RecentDeliveries();

	constructor(options: KakiyoTriggerOptions = {}) {
		this.retry = options.retry ?? DEFAULT_RETRY_POLICY;
		this.now = options.now ?? Date.now;
	}
}
