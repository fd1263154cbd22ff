/** The emulator's public shapes: what tests, the e2e harness and the control plane see. */

import type {
	AgentStatus,
	CampaignStatus,
	EmulatedWebhook,
	EmulatorState,
	Plan,
} from './state/model';
import type { OversizedAnswer } from './oversized';

export type { EmulatedWebhook };

export type SignatureFormat = 'prefixed' | 'bare';

export interface EmulatorOptions {
	/** 0 (default) picks a free port. The server always binds 127.0.0.1. */
	port?: number;
	/** Valid API keys (40 characters of A-Z a-z 0-9 _ -). Default: one generated key. */
	apiKeys?: string[];
	/** Known keys whose subscription is inactive: they get 403 `subscription_inactive`. */
	inactiveKeys?: string[];
	/** The main team's plan (default `agency`); a `standard` team gets 403 on every workspace route. */
	plan?: Plan;
	/** A second team with its own keys and objects: touching its objects with a main key is 403. */
	otherTeam?: { apiKeys: string[]; plan?: Plan };
	/** Start each team with the seed objects (default true); `false` starts empty, models aside. */
	seed?: boolean;
	/** How long a prospect import stays `processing` (default 0: done before the next request). */
	importDelayMs?: number;
	/** Every API call is answered this much later (default 0), like a distant server: for benchmarks. */
	latencyMs?: number;
	/** Requests per minute per endpoint per key; `false` (default here, not in the CLI) turns it off. */
	rateLimitPerMinute?: number | false;
	/** JSON file loaded at start and saved on every change: the whole state (version 2). */
	statePath?: string;
	/** `X-Kakiyo-Signature: sha256=<hex>` (default) or `<hex>`. */
	signatureFormat?: SignatureFormat;
	/**
	 * When a create call has no secret, make one and return it once as `secret` (default false);
	 * `'always'` makes one even when a secret is sent, which is then ignored.
	 */
	serverGeneratedSecrets?: boolean | 'always';
	/** Waits before each retry of a failed delivery attempt. Default [1000, 2000, 4000]. */
	retryDelaysMs?: number[];
	/** How long one delivery attempt may take. Default 10000. */
	attemptTimeoutMs?: number;
	/** Consecutive failed deliveries after which a webhook is set `active: false`. Default 4. */
	disableAfterFailures?: number;
	/** One line per API request and per delivery attempt. Default: silent. */
	log?: (line: string) => void;
	/** Other readings of the paged lists (campaigns, Do Not Contact), for clients to cope with. */
	listPaging?: ListPaging;
}

/**
 * How `GET /campaigns` (paging documented by no source) and `GET /dnc` (documented) page, when a
 * test wants another reading (I). Default: pages as large as `limit` asks, `total` reported, `after`
 * and `offset` honoured, no cursor offered.
 */
export interface ListPaging {
	/** Leave `total` out of the answers. */
	omitTotal?: boolean;
	/** Ignore `after` (campaigns) and `offset` (Do Not Contact): every call answers the first page. */
	ignorePosition?: boolean;
	/** Serve at most this many a page, whatever `limit` asks. */
	maxPageSize?: number;
	/** Campaigns: offer `nextCursor` (the id of the page's last campaign) while more follow. */
	nextCursor?: boolean;
}

export type AttemptOutcome = 'success' | 'http_error' | 'timeout' | 'network_error';

export interface DeliveryAttempt {
	/** Groups the attempts of one delivery (one event to one webhook). */
	deliveryId: string;
	webhookId: string;
	url: string;
	event: string;
	/** 1 for the first try, up to 1 + retries. */
	attempt: number;
	startedAt: string;
	durationMs: number;
	outcome: AttemptOutcome;
	status?: number;
	error?: string;
	/** The exact bytes sent (the signature covers these). */
	body: string;
	headers: Record<string, string>;
}

export interface DeliveryResult {
	deliveryId: string;
	webhookId: string;
	url: string;
	delivered: boolean;
	attempts: number;
	/** Status of the last attempt, when there was an answer. */
	status?: number;
	/** Error of the last attempt, when it failed. */
	error?: string;
	/** The webhook's state once this delivery finished (false once auto-disabled). */
	webhookActive: boolean;
	failureCount: number;
}

export interface EmitResult {
	event: string;
	/** How many webhooks the event was delivered to. */
	webhooks: number;
	deliveries: DeliveryResult[];
}

export type AuthOutcome =
	| 'ok'
	| 'missing_api_key'
	| 'invalid_api_key_format'
	| 'invalid_api_key'
	| 'subscription_inactive';

export interface RecordedRequest {
	at: string;
	method: string;
	/** Path and query as received. */
	path: string;
	/** The query string's parameters (an array for a repeated name). */
	query: Record<string, string | string[]>;
	/** The parsed JSON body; undefined when there was none. */
	body?: unknown;
	/** The body as received, only when it was not JSON. */
	rawBody?: string;
	status: number;
	durationMs: number;
	/** Absent when the request never reached the auth check (an injected fault). */
	auth?: AuthOutcome;
	/** The key's last four characters, never the whole key. */
	keyHint?: string;
	/** Set when an injected fault answered instead of the API. */
	fault?: string;
	/** The `error` code of an error answer. */
	error?: string;
}

/** A scripted failure of the next matching API call(s). */
export interface FaultSpec {
	/** Matches any method when absent. */
	method?: string;
	/** '/v1/webhooks', '/v1/webhooks/:id' (one segment each) or a prefix ending in '*'. */
	path: string;
	/** How many matching calls it affects (default 1). */
	count?: number;
	/** Answer with this status (default 500 when only `body` is given). */
	status?: number;
	/** Answer body (JSON-encoded); default a Kakiyo-style error for the status. */
	body?: unknown;
	/** Wait this long first; alone, the call then proceeds normally. */
	delayMs?: number;
	/** Destroy the socket without answering. */
	drop?: boolean;
	/** Answer 200 (or `status`) with a body that is not JSON. */
	malformed?: boolean;
	/** Extra headers on the answer, e.g. `{'Retry-After': '2'}`; a `Location` makes a 3xx a redirect. */
	headers?: Record<string, string>;
	/** Answer 200 (or `status`) with a JSON body of `bytes` once decompressed, sent compressed. */
	oversized?: OversizedAnswer;
}

export interface RunningEmulator {
	/** 'http://127.0.0.1:PORT/v1' */
	baseUrl: string;
	/** 'http://127.0.0.1:PORT/__emulator' */
	controlUrl: string;
	/** The first valid (active) key. */
	apiKey: string;
	/** Made at start: every control route but `GET /health` needs it (Bearer or X-Emulator-Token). */
	controlToken: string;
	close(): Promise<void>;
	/** The main team's webhooks, secrets included. */
	webhooks(): EmulatedWebhook[];
	deliveries(): DeliveryAttempt[];
	requests(): RecordedRequest[];
	/** Forget the request log only. */
	clearRequests(): void;
	/**
	 * Deliver to every active webhook of the main team subscribed to the event or '*'; resolves when
	 * all retries are done.
	 */
	emit(event: string, payload?: object): Promise<EmitResult>;
	injectFault(fault: FaultSpec): void;
	/** Back to the seed: every team's objects, webhooks, credits; logs, faults, rate counters; cancels deliveries. */
	reset(): void;
	/** A deep copy of everything the emulator holds (secrets included). */
	state(): EmulatorState;
	/** Credits the main team used: 1 per API call that reached a route, 2 per successful delivery. */
	credits(): number;
	setAgentStatus(agentId: string, status: AgentStatus): void;
	setCampaignStatus(campaignId: string, status: CampaignStatus): void;
	/** The prospect answers in the chat (chatId, or prospectId); fires `linkedin.message.received`. */
	reply(chatId: string, message: string): Promise<EmitResult>;
	/** The prospect accepts the invitation; fires `linkedin.invitation.accepted`. */
	acceptInvitation(chatId: string): Promise<EmitResult>;
	/** Resolves when no delivery is in flight. */
	idle(): Promise<void>;
}
