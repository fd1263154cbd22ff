/** Defaults for EmulatorOptions, and the checks that turn a bad option into a clear error at start. */
import { generateApiKey, isWellFormedKey, keyHint, type KeyRing } from './auth';
import type { DeliverySettings } from './delivery';
import type { WebhookStore } from './store';
import type { EmulatorOptions } from './types';

export interface ResolvedOptions {
	port: number;
	keys: KeyRing;
	/** The first active key: the one to hand to a client. */
	apiKey: string;
	rateLimitPerMinute: number | false;
	serverGeneratedSecrets: boolean;
	delivery: DeliverySettings;
	log: (line: string) => void;
}

export function resolveOptions(options: EmulatorOptions, store: WebhookStore): ResolvedOptions {
	const inactive = options.inactiveKeys ?? [];
	const active = (options.apiKeys ?? []).filter((key) => !inactive.includes(key));
	for (const key of [...active, ...inactive]) {
		if (!isWellFormedKey(key)) {
			throw new Error(`API key ${keyHint(key)} is not 40 characters of A-Z, a-z, 0-9, _ or -`);
		}
	}
	if (active.length === 0) active.push(defaultKey(store));

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

	return {
		port,
		keys: { active: new Set(active), inactive: new Set(inactive) },
		apiKey: active[0],
		rateLimitPerMinute,
		serverGeneratedSecrets: options.serverGeneratedSecrets ?? false,
		delivery,
		log: options.log ?? (() => {}),
	};
}

/** With a state file the generated key is kept, so a restarted emulator still accepts the client's key. */
function defaultKey(store: WebhookStore): string {
	if (store.apiKey) return store.apiKey;
	const key = generateApiKey();
	store.rememberApiKey(key);
	return key;
}

function check(condition: boolean, message: string): void {
	if (!condition) throw new Error(`Kakiyo emulator: ${message}`);
}
