/**
 * The Kakiyo emulator: a local stand-in for https://api.kakiyo.com/v1 that also delivers signed webhooks.
 * Start it in-process with startEmulator(), or from a shell with `npm run emulator` (see README.md).
 */
export { startEmulator } from './server';
export { EVENT_CATALOGUE, EVENT_IDS, WILDCARD, type EventId } from './events';
export { examplePayload, type KakiyoPayload } from './payloads';
export type {
	AgentStatus,
	CampaignStatus,
	DncEntry,
	EmulatorState,
	KakiyoModel,
	Plan,
	StoredAgent,
	StoredCampaign,
	StoredImport,
	StoredProduct,
	StoredPrompt,
	StoredProspect,
	StoredWorkspace,
	TeamData,
} from './state/model';
export type {
	AttemptOutcome,
	AuthOutcome,
	DeliveryAttempt,
	DeliveryResult,
	EmitResult,
	EmulatedWebhook,
	EmulatorOptions,
	FaultSpec,
	ListPaging,
	RecordedRequest,
	RunningEmulator,
	SignatureFormat,
} from './types';
