/**
 * The objects the emulator stores, per team, as plain JSON-ready data: the same shapes are kept in
 * memory, written to the state file and shown by `state()`. Field names follow Kakiyo's documented
 * objects; fields marked (I) are inferred (see the README).
 */

/** A registered webhook as the emulator stores it, secret included. */
export interface EmulatedWebhook {
	id: string;
	name: string;
	url: string;
	events: string[];
	secret?: string;
	active: boolean;
	/** Consecutive failed deliveries; a success or re-enabling resets it. */
	failureCount: number;
	createdAt: string;
	updatedAt: string;
}

export type Plan = 'agency' | 'standard';

export const AGENT_STATUSES = [
	'setup_needed',
	'auth_needed',
	'auth_in_progress',
	'running',
	'paused',
	'disabled',
	'ended',
] as const;
export type AgentStatus = (typeof AGENT_STATUSES)[number];

export interface WorkingHours {
	/** Seven 0/1 flags, Monday to Sunday: `1:1:1:1:1:0:0`. */
	days: string;
	start: string;
	stop: string;
	timezone: number;
}

export interface AgentLimits {
	invitationsMin: number;
	invitationsMax: number;
	messagesMin: number;
	messagesMax: number;
}

export interface AgentSettings {
	skipInNetwork: boolean;
	invitationsOnly: boolean;
}

export interface AgentAlert {
	type: string;
	subType: string;
	message: string;
	severity: string;
}

/** The documented agent object plus `limits`, `settings`, `createdAt`, `updatedAt` (I). Never a password. */
export interface StoredAgent {
	id: string;
	name: string;
	status: AgentStatus;
	login: string | null;
	country: string | null;
	avatar: string | null;
	nextTask: string | null;
	usage: {
		invitations: number;
		invitationsDaily: number;
		messages: number;
		messagesDaily: number;
		nextInvitation: string | null;
		nextMessage: string | null;
		workingHours: WorkingHours;
	};
	limits: AgentLimits;
	settings: AgentSettings;
	alerts: AgentAlert[];
	createdAt: string;
	updatedAt: string;
}

export interface StoredProduct {
	id: string;
	name: string;
	description: string;
	createdAt: string;
	updatedAt: string;
}

export type PromptType = 'message' | 'invitation';

export interface StoredPrompt {
	id: string;
	name: string;
	model: string;
	type: PromptType;
	createdAt: string;
	updatedAt: string;
}

export const CAMPAIGN_STATUSES = ['active', 'paused', 'completed'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

export interface StoredCampaign {
	id: string;
	name: string;
	status: CampaignStatus;
	productId: string;
	promptId: string;
	agentId: string;
	qualificationAutomatic: number;
	qualificationVerification: number;
	variables: Record<string, string>;
	createdAt: string;
	updatedAt: string;
}

export interface ChatMessage {
	/** `assistant` is the agent (documented); `user` is the prospect (I). */
	role: 'assistant' | 'user';
	content: string;
	date: string;
}

export type Qualification = 'inProgress' | 'qualified' | 'disqualified';

/**
 * A conversation. `status` is numeric as documented (only 2 is seen); the emulator uses (I)
 * 1 = invitation sent, 2 = connected (invitation accepted or a message exchanged).
 */
export interface StoredChat {
	id: string;
	status: number;
	qualification: Qualification;
	paused: boolean;
	/** Time of the last message, or null before any. */
	lastMessage: string | null;
	messages: ChatMessage[];
	customData?: string;
	qualifiedAt?: string;
}

export interface AdditionalField {
	fieldName: string;
	fieldValue: string;
}

/** A prospect and its single chat (Kakiyo makes one chat per prospect and campaign). */
export interface StoredProspect {
	id: string;
	campaignId: string;
	name: string;
	/** `https://linkedin.com/in/<slug>`. */
	url: string;
	linkedinSlug: string;
	headline: string | null;
	location: { city: string; country: string } | null;
	about: string | null;
	additionalFields: AdditionalField[];
	/** The import that created it, when there was one. */
	listId?: string;
	createdAt: string;
	updatedAt: string;
	chat: StoredChat;
}

export type ImportRowStatus = 'imported' | 'existing' | 'invalid' | 'skipped_dnc';

export interface ImportRow {
	index: number;
	inputUrl: string;
	linkedinSlug: string | null;
	status: ImportRowStatus;
	prospectId: string | null;
	chatId: string | null;
	message: string;
	chatCreated: boolean;
	customDataSaved: boolean;
	/** Round-robin imports only: the campaign the row went to (I). */
	campaignId?: string;
}

/** One prospect of an import that has not been processed yet. */
export interface ImportInput {
	campaignId: string;
	name: string;
	url: string;
	additionalFields: AdditionalField[];
	customData?: string;
}

export interface StoredImport {
	listId: string;
	/** null for a round-robin import, which spans `campaignIds` (I). */
	campaignId: string | null;
	campaignIds?: string[];
	status: 'processing' | 'completed';
	total: number;
	processed: number;
	imported: number;
	existing: number;
	invalid: number;
	skippedDnc: number;
	enrichmentFailed: number;
	currentIndex: number;
	startedAt: string;
	lastProcessedAt: string | null;
	completedAt: string | null;
	report: ImportRow[];
	/** Emulator bookkeeping, never shown by the API: when it completes, and what is left to do. */
	dueAt: string;
	pending: ImportInput[];
}

export interface DncEntry {
	$id: string;
	teamId: string;
	url: string;
	$createdAt: string;
	$updatedAt: string;
}

export interface WorkspaceMember {
	membershipId: string;
	userId: string;
	email: string;
	roles: string[];
	invitedAt: string;
}

export interface StoredWorkspace {
	id: string;
	name: string;
	clientTeamId: string;
	createdAt: string;
	members: WorkspaceMember[];
	agentIds: string[];
}

export type TeamRole = 'main' | 'other';

export interface TeamData {
	id: string;
	name: string;
	/** `main`: the keys in `apiKeys`; `other`: the keys in `otherTeam.apiKeys`. */
	role: TeamRole;
	plan: Plan;
	/** Credits used: 1 per API call that reached a route, 2 per successful delivery. */
	credits: number;
	agents: StoredAgent[];
	products: StoredProduct[];
	prompts: StoredPrompt[];
	campaigns: StoredCampaign[];
	prospects: StoredProspect[];
	imports: StoredImport[];
	dnc: DncEntry[];
	workspaces: StoredWorkspace[];
	webhooks: EmulatedWebhook[];
}

export interface KakiyoModel {
	id: string;
	name: string;
	pricing: { input: number; output: number; cached: number | null };
	status: 'active';
}

/** Everything the emulator holds, as `state()` and `GET /__emulator/state` show it. */
export interface EmulatorState {
	teams: TeamData[];
	models: KakiyoModel[];
}
