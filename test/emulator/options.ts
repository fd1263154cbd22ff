/** Defaults for EmulatorOptions, and the checks that turn a bad option into a clear error at start. */
import { generateApiKey, isWellFormedKey, keyHint, type KeyRing } from './auth';
import type { DeliverySettings } from './delivery';
import type { WorldOptions } from './state/world';
import type { EmulatorOptions, ListPaging } from './types';

export interface ResolvedOptions {
	port: number;
	keys: KeyRing;
	/** The first active key: the one to hand to a client. */
	apiKey: string;
	/** Keys of the second team (also in `keys.active`). */
	otherTeamKeys: ReadonlySet<string>;
	rateLimitPerMinute: number | false;
	serverGeneratedSecrets: boolean | 'always';
	importDelayMs: number;
	latencyMs: number;
	listPaging: Required<ListPaging>;
	delivery: DeliverySettings;
	log: (line: string) => void;
}

/** Where a generated key is kept across restarts (the state file). */
export interface KeyKeeper {
	readonly apiKey: string | undefined;
	rememberApiKey(key: string): void;
}

/** The options that shape the stored state; checked before the state is loaded. */
export function worldOptions(options: EmulatorOptions): WorldOptions {
	const plans = ['agency', 'standard'];
	check(plans.includes(options.plan ?? 'agency'), "plan must be 'agency' or 'standard'");
	const other = options.otherTeam;
	if (other !== undefined) {
		check(
			Array.isArray(other.apiKeys) && other.apiKeys.length > 0,
			'otherTeam.apiKeys must list at least one key',
		);
		check(plans.includes(other.plan ?? 'agency'), "otherTeam.plan must be 'agency' or 'standard'");
	}
	return {
		statePath: options.statePath,
		seed: options.seed ?? true,
		plan: options.plan ?? 'agency',
		otherPlan: other ? (other.plan ?? 'agency') : undefined,
	};
}

export function resolveOptions(options: EmulatorOptions, keeper: KeyKeeper): ResolvedOptions {
	const inactive = options.inactiveKeys ?? [];
	const active = (options.apiKeys ?? []).filter((key) => !inactive.includes(key));
	const otherTeamKeys = options.otherTeam?.apiKeys ?? [];
	for (const key of [...active, ...inactive, ...otherTeamKeys]) {
		if (!isWellFormedKey(key)) {
			throw new Error(`API key ${keyHint(key)} is not 40 characters of A-Z, a-z, 0-9, _ or -`);
		}
	}
	check(
		!otherTeamKeys.some((key) => active.includes(key) || inactive.includes(key)),
		'a key cannot belong to both teams',
	);
	if (active.length === 0) active.push(defaultKey(keeper));

	const port = options.port ?? 0;
	check(Number.isInteger(port) && port >= 0 && port < 65536, 'port must be 0-65535');
	const rateLimitPerMinute = options.rateLimitPerMinute ?? false;
	check(
		rateLimitPerMinute === false ||
			(Number.isInteger(rateLimitPerMinute) && rateLimitPerMinute > 0),
		'rateLimitPerMinute must be a positive integer or false',
	);
	const delivery: DeliverySettings = {
		signatureFormat: options.signatureFormat ?? 'prefixed',
		retryDelaysMs: options.retryDelaysMs ?? [1000, 2000, 4000],
		attemptTimeoutMs: options.attemptTimeoutMs ?? 10_000,
		disableAfterFailures: options.disableAfterFailures ?? 4,
	};
	check(
		['prefixed', 'bare'].includes(delivery.signatureFormat),
		"signatureFormat must be 'prefixed' or 'bare'",
	);
	check(
		delivery.retryDelaysMs.every((ms) => Number.isFinite(ms) && ms >= 0),
		'retryDelaysMs must be non-negative numbers',
	);
	check(delivery.attemptTimeoutMs > 0, 'attemptTimeoutMs must be positive');
	check(delivery.disableAfterFailures >= 1, 'disableAfterFailures must be at least 1');

	const importDelayMs = options.importDelayMs ?? 0;
	check(Number.isFinite(importDelayMs) && importDelayMs >= 0, 'importDelayMs must be a number ≥ 0');

	const latencyMs = options.latencyMs ?? 0;
	check(Number.isFinite(latencyMs) && latencyMs >= 0, 'latencyMs must be a number ≥ 0');

	const listPaging: Required<ListPaging> = {
		omitTotal: options.listPaging?.omitTotal ?? false,
		ignorePosition: options.listPaging?.ignorePosition ?? false,
		maxPageSize: options.listPaging?.maxPageSize ?? Infinity,
		nextCursor: options.listPaging?.nextCursor ?? false,
	};
	check(
		listPaging.maxPageSize === Infinity ||
			(Number.isInteger(listPaging.maxPageSize) && listPaging.maxPageSize > 0),
		'listPaging.maxPageSize must be a positive integer',
	);

	return {
		port,
		keys: { active: new Set([...active, ...otherTeamKeys]), inactive: new Set(inactive) },
		apiKey: active[0],
		otherTeamKeys: new Set(otherTeamKeys),
		rateLimitPerMinute,
		serverGeneratedSecrets: options.serverGeneratedSecrets ?? false,
		importDelayMs,
		latencyMs,
		listPaging,
		delivery,
		log: options.log ?? (() => {}),
	};
}

/** With a state file the generated key is kept, so a restarted emulator still accepts the client's key. */
function defaultKey(keeper: KeyKeeper): string {
	if (keeper.apiKey) return keeper.apiKey;
	const key = generateApiKey();
	keeper.rememberApiKey(key);
	return key;
}

function check(condition: boolean, message: string): void {
	if (!condition) throw new Error(`Kakiyo emulator: ${message}`);
}
