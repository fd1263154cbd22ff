/**
 * Finding a stored object for a caller, the way Kakiyo answers: the caller's own object; another team's
 * object is 403 `forbidden` "You do not have access to this …"; no object at all is 404 `not_found`.
 */
import { ApiError, notFound } from '../http';
import type {
	DncEntry,
	StoredAgent,
	StoredCampaign,
	StoredImport,
	StoredProduct,
	StoredPrompt,
	StoredProspect,
	StoredWorkspace,
	TeamData,
} from './model';
import type { EmulatedWebhook } from '../types';

interface Kind<T> {
	/** The word in "You do not have access to this …". */
	noun: string;
	/** The 404 message. */
	missing: string;
	items(team: TeamData): T[];
	matches(item: T, id: string): boolean;
}

const kind = <T>(
	noun: string,
	missing: string,
	items: (team: TeamData) => T[],
	matches: (item: T, id: string) => boolean,
): Kind<T> => ({ noun, missing, items, matches });

const KINDS = {
	agent: kind<StoredAgent>(
		'agent',
		'Agent not found',
		(t) => t.agents,
		(a, id) => a.id === id,
	),
	campaign: kind<StoredCampaign>(
		'campaign',
		'Campaign not found',
		(t) => t.campaigns,
		(c, id) => c.id === id,
	),
	// "Product not found", "Prompt not found", "Import not found", "Workspace not found",
	// "DNC entry not found" and their nouns are inferred (I); the others are documented.
	product: kind<StoredProduct>(
		'product',
		'Product not found',
		(t) => t.products,
		(p, id) => p.id === id,
	),
	prompt: kind<StoredPrompt>(
		'prompt',
		'Prompt not found',
		(t) => t.prompts,
		(p, id) => p.id === id,
	),
	prospect: kind<StoredProspect>(
		'prospect',
		'Prospect not found',
		(t) => t.prospects,
		(p, id) => p.id === id,
	),
	// Chat routes take a chatId; a prospectId finds its (single) chat too (see
	// docs/kakiyo-api.md#conversation-or-prospect-id).
	chat: kind<StoredProspect>(
		'prospect',
		'Prospect not found',
		(t) => t.prospects,
		(p, id) => p.chat.id === id || p.id === id,
	),
	import: kind<StoredImport>(
		'import',
		'Import not found',
		(t) => t.imports,
		(l, id) => l.listId === id,
	),
	dncEntry: kind<DncEntry>(
		'entry',
		'DNC entry not found',
		(t) => t.dnc,
		(e, id) => e.$id === id,
	),
	workspace: kind<StoredWorkspace>(
		'workspace',
		'Workspace not found',
		(t) => t.workspaces,
		(w, id) => w.id === id,
	),
	webhook: kind<EmulatedWebhook>(
		'webhook',
		'Webhook not found',
		(t) => t.webhooks,
		(h, id) => h.id === id,
	),
};

export type KindName = keyof typeof KINDS;
export type ItemOf<K extends KindName> = (typeof KINDS)[K] extends Kind<infer T> ? T : never;

/** The caller's object with this id (the stored object itself, to change in place), or the error. */
export function owned<K extends KindName>(
	teams: TeamData[],
	caller: TeamData,
	name: K,
	id: string,
	missing?: string,
): ItemOf<K> {
	const found = findIn(caller, name, id);
	if (found) return found;
	if (teams.some((team) => team !== caller && findIn(team, name, id))) {
		throw new ApiError(403, 'forbidden', `You do not have access to this ${KINDS[name].noun}`);
	}
	throw notFound(missing ?? KINDS[name].missing);
}

/** The object and its team, whichever team holds it (for the control plane). */
export function anywhere<K extends KindName>(
	teams: TeamData[],
	name: K,
	id: string,
): { team: TeamData; item: ItemOf<K> } {
	for (const team of teams) {
		const item = findIn(team, name, id);
		if (item) return { team, item };
	}
	throw notFound(KINDS[name].missing);
}

function findIn<K extends KindName>(team: TeamData, name: K, id: string): ItemOf<K> | undefined {
	const found = KINDS[name] as unknown as Kind<ItemOf<K>>;
	return found.items(team).find((item) => found.matches(item, id));
}
