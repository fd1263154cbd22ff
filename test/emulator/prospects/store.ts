/** Prospects and their chats: making one, and the two ways the API shows one (list entry, conversation). */
import { newId, nowIso } from '../ids';
import { profileUrl } from '../linkedinUrl';
import type {
	AdditionalField,
	ChatMessage,
	StoredCampaign,
	StoredProspect,
	TeamData,
} from '../state/model';

export const CUSTOM_DATA_MAX = 3000;

export interface NewProspect {
	campaignId: string;
	name: string;
	slug: string;
	additionalFields?: AdditionalField[];
	customData?: string;
	listId?: string;
	/** Chat status: 1 = invitation sent (default), 2 = connected (I). */
	status?: number;
	messages?: ChatMessage[];
	headline?: string;
	location?: { city: string; country: string };
	about?: string;
}

export function newProspect(input: NewProspect): StoredProspect {
	const now = nowIso();
	const fields = input.additionalFields ?? [];
	// (I) "Enrichment": a headline given as an additional field is used; nothing else is invented.
	const headline =
		input.headline ?? fields.find((field) => field.fieldName === 'headline')?.fieldValue ?? null;
	const messages = input.messages ?? [];
	const prospect: StoredProspect = {
		id: newId(),
		campaignId: input.campaignId,
		name: input.name,
		url: profileUrl(input.slug),
		linkedinSlug: input.slug,
		headline,
		location: input.location ?? null,
		about: input.about ?? null,
		additionalFields: fields,
		...(input.listId ? { listId: input.listId } : {}),
		createdAt: now,
		updatedAt: now,
		chat: {
			id: newId(),
			status: input.status ?? 1,
			qualification: 'inProgress',
			paused: false,
			lastMessage: messages.at(-1)?.date ?? null,
			messages,
		},
	};
	if (input.customData) prospect.chat.customData = input.customData.slice(0, CUSTOM_DATA_MAX);
	return prospect;
}

/** A prospect in a list: both ids, so a caller can go on with either (contract). */
export function prospectEntry(prospect: StoredProspect) {
	const { chat } = prospect;
	return {
		id: prospect.id,
		chatId: chat.id,
		name: prospect.name,
		url: prospect.url,
		...(prospect.headline === null ? {} : { headline: prospect.headline }),
		campaignId: prospect.campaignId,
		status: chat.status,
		qualification: chat.qualification,
		paused: chat.paused,
		lastMessage: chat.lastMessage,
		createdAt: prospect.createdAt,
	};
}

/** The documented conversation object of `GET /prospects/{chatId}`, plus `customData` when set. */
export function conversation(team: TeamData, prospect: StoredProspect) {
	const { chat } = prospect;
	const campaign = team.campaigns.find((entry) => entry.id === prospect.campaignId);
	return {
		id: chat.id,
		status: chat.status,
		qualification: chat.qualification,
		paused: chat.paused,
		lastMessage: chat.lastMessage,
		campaign: { id: prospect.campaignId, name: campaign?.name ?? null },
		prospect: {
			id: prospect.id,
			name: prospect.name,
			url: prospect.url,
			headline: prospect.headline,
			location: prospect.location,
			about: prospect.about,
		},
		messages: structuredClone(chat.messages),
		...(chat.customData === undefined ? {} : { customData: chat.customData }),
	};
}

export function prospectsOf(team: TeamData, campaign: StoredCampaign): StoredProspect[] {
	return team.prospects.filter((prospect) => prospect.campaignId === campaign.id);
}

/** Adds a message to a chat; any message means the two are connected (status 2, I). */
export function addMessage(
	prospect: StoredProspect,
	role: ChatMessage['role'],
	content: string,
): void {
	const date = nowIso();
	prospect.chat.messages.push({ role, content, date });
	prospect.chat.lastMessage = date;
	prospect.chat.status = 2;
	prospect.updatedAt = date;
}
