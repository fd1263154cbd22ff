import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { isSelected } from './eventSelection';
import type { RefusalReason, ReplayRefusal } from './refusalLog';
import { checkFreshness, timestampMs } from './replayGuard';
import { optionsFromParameters } from './triggerOptions';
import type { TriggerRuntime } from './triggerRuntime';
import { parseSignatureHeader, SIGNATURE_HEADER, verifySignature } from './signature';
import { storedRegistration } from './triggerState';

type Payload = IDataObject;

const REFUSED: IWebhookResponseData = { noWebhookResponse: true };

/**
 * Every answer is written here, at once, before any workflow runs: Kakiyo gives a delivery 10 s and
 * retries (and eventually disables the webhook) when it does not get a 2xx in time.
 */
function answer(context: IWebhookFunctions, status: number, body: IDataObject): void {
	context.getResponseObject().status(status).json(body);
}

/** Every delivery that starts nothing for a reason worth a warning, logged within bounds. */
function logRefusal(
	context: IWebhookFunctions,
	runtime: TriggerRuntime,
	reason: RefusalReason,
): void {
	const workflowId = context.getWorkflow().id ?? 'unsaved';
	const warning = runtime.refusals.record(workflowId, reason, runtime.now());
	if (!warning) return;
	context.logger.warn(warning.message, {
		workflowId,
		refused: warning.refused,
		reasons: warning.reasons,
	});
}

type WebhookRequest = ReturnType<IWebhookFunctions['getRequestObject']> & {
	rawBody?: Buffer;
	readRawBody?: () => Promise<void>;
};

/**
 * The exact bytes received, or undefined when they cannot be had. From node version 2 on, n8n reads
 * the body itself only for the content types it parses: it is read here otherwise, as n8n's own
 * Webhook node does, so the signature covers every byte. Never throws: n8n starts a (failed)
 * execution for a webhook() that throws, and nothing may start before the signature is checked. A
 * form n8n already parsed from the stream, a body over n8n's size limit or one that does not
 * inflate all fail the read, and the signature check then refuses the missing body.
 */
async function readRawBody(request: WebhookRequest): Promise<Buffer | undefined> {
	if (!Buffer.isBuffer(request.rawBody) && typeof request.readRawBody === 'function') {
		try {
			await request.readRawBody();
		} catch {
			return undefined;
		}
	}
	return Buffer.isBuffer(request.rawBody) ? request.rawBody : undefined;
}

/** A request that is not a delivery signed by Kakiyo: 401, logged within bounds, nothing started. */
function refuse(
	context: IWebhookFunctions,
	runtime: TriggerRuntime,
	reason: RefusalReason,
): IWebhookResponseData {
	logRefusal(context, runtime, reason);
	answer(context, 401, { error: 'unauthorized', message: 'Missing or invalid X-Kakiyo-Signature' });
	return REFUSED;
}

/** The JSON object Kakiyo sent, or undefined for an empty body, broken JSON or a non-object. */
export function parsePayload(rawBody: Buffer): Payload | undefined {
	// n8n's own body parser drops a UTF-8 byte order mark too; the signature still covers it.
	const text = rawBody.toString('utf8').replace(/^\uFEFF/, '');
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		return undefined;
	}
	return value && typeof value === 'object' && !Array.isArray(value)
		? (value as Payload)
		: undefined;
}

/**
 * The payload with the request headers beside it, never over one of its own fields: under `headers`,
 * else `requestHeaders`, else the first free `requestHeaders_2`, `requestHeaders_3`, … Never the
 * signature: with it, anyone who can read the execution (another n8n user, a log sink, an AI
 * transcript) holds a signed request they could send again.
 */
function withHeaders(payload: Payload, headers: IDataObject): Payload {
	let field = 'headers';
	for (let suffix = 1; field in payload; suffix++) {
		field = suffix === 1 ? 'requestHeaders' : `requestHeaders_${suffix}`;
	}
	const shown = Object.fromEntries(
		Object.entries(headers).filter(([name]) => name.toLowerCase() !== SIGNATURE_HEADER),
	);
	return { ...payload, [field]: shown };
}

/**
 * The replay guard, for the production URL: a timestamp outside Max Event Age, or a delivery this
 * process accepted already within it (see `RecentDeliveries`). The editor's test URL is left alone:
 * Kakiyo's Send Test examples may carry a fixed, old timestamp, and there n8n takes one delivery per
 * listening session, from a webhook registered with a fresh secret and deleted when the session ends,
 * so nothing signed for one session can start another.
 */
function replayRefusal(
	context: IWebhookFunctions,
	runtime: TriggerRuntime,
	payload: Payload,
	maxAgeSeconds: number,
	signature: unknown,
): ReplayRefusal | undefined {
	if (maxAgeSeconds === 0 || context.getMode() === 'manual') return undefined;
	const now = runtime.now();
	const freshness = checkFreshness(payload.timestamp, maxAgeSeconds, now);
	if (freshness !== 'fresh') return `timestamp_${freshness}`;
	// Verified already: the header holds the digest of this very body under this webhook's secret.
	const digest = parseSignatureHeader(signature) as string;
	const passesUntil = (timestampMs(payload.timestamp) as number) + maxAgeSeconds * 1000;
	return runtime.recent.admit(digest, passesUntil, now) ? undefined : 'duplicate';
}

/**
 * What the trigger does with one request: verify the signature over the raw bytes before anything
 * else, then read the payload, drop events the user did not choose, and replays (unless the guard
 * was turned off).
 * Only an accepted delivery starts the workflow, with the payload exactly as Kakiyo sent it.
 */
export async function receiveDelivery(
	this: IWebhookFunctions,
	runtime: TriggerRuntime,
): Promise<IWebhookResponseData> {
	const request = this.getRequestObject() as WebhookRequest;
	const rawBody = await readRawBody(request);
	// One read of the static data: the secret, events and options stored on activation. Reading the
	// parameters instead would make n8n evaluate them (and any expression) again for every delivery.
	const registration = storedRegistration(this);
	if (!registration) return refuse(this, runtime, 'missing_secret');
	const signature = request.headers[SIGNATURE_HEADER];
	const check = verifySignature(rawBody, signature, registration.secret);
	if (!check.valid) return refuse(this, runtime, check.reason);

	const payload = parsePayload(rawBody as Buffer);
	if (!payload) {
		answer(this, 400, { error: 'invalid_payload', message: 'Expected a JSON object' });
		return REFUSED;
	}

	// The events stored on activation are what Kakiyo sends, whatever the editor shows since.
	if (!isSelected(payload.event, registration.events)) {
		answer(this, 200, { status: 'ignored', reason: 'event_not_selected' });
		return REFUSED;
	}

	// An activation by an earlier version stored no options: read once here until the next one.
	const options = registration.options ?? optionsFromParameters(this);
	if (!options) {
		logRefusal(this, runtime, 'misconfigured');
		// Not a 2xx: Kakiyo keeps retrying, and nothing passes a guard that cannot judge it.
		answer(this, 500, {
			error: 'misconfigured',
			message: 'The Max Event Age of this trigger is not a number of seconds',
		});
		return REFUSED;
	}
	const replay = replayRefusal(this, runtime, payload, options.maxAgeSeconds, signature);
	if (replay) {
		logRefusal(this, runtime, replay);
		// A 2xx stops Kakiyo retrying a delivery that can only get older (or was accepted already),
		// and keeps it from counting towards disabling the webhook.
		answer(this, 200, { status: 'ignored', reason: replay });
		return REFUSED;
	}

	const item = options.includeHeaders
		? withHeaders(payload, this.getHeaderData() as IDataObject)
		: payload;
	answer(this, 200, { status: 'received' });
	// Wrapped here rather than by returnJsonArray, which takes a payload with a top-level `json` field
	// for an item that is already wrapped (dropping the rest, letting `binary` and `pairedItem` in).
	return { workflowData: [[{ json: item }]], noWebhookResponse: true };
}
