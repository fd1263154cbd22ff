/**
 * Prospect imports: a list that is `processing` until it is due (`importDelayMs` after it started),
 * then `completed` with one report row per input. Processing happens when anyone next looks
 * (settleImports runs before every API call, control call and state()), so no timer outlives the emulator,
 * and a list saved while processing completes after a restart.
 */
import { newId, nowIso } from '../ids';
import { linkedinSlug, profileUrl } from '../linkedinUrl';
import type { ImportInput, ImportRow, StoredImport, TeamData } from '../state/model';
import { newProspect } from './store';

export function startImport(
	team: TeamData,
	inputs: ImportInput[],
	delayMs: number,
	campaignIds?: string[],
): StoredImport {
	const started = new Date();
	const list: StoredImport = {
		listId: newId(),
		campaignId: campaignIds ? null : inputs[0].campaignId,
		...(campaignIds ? { campaignIds } : {}),
		status: 'processing',
		total: inputs.length,
		processed: 0,
		imported: 0,
		existing: 0,
		invalid: 0,
		skippedDnc: 0,
		enrichmentFailed: 0,
		currentIndex: 0,
		startedAt: started.toISOString(),
		lastProcessedAt: null,
		completedAt: null,
		report: [],
		dueAt: new Date(started.getTime() + delayMs).toISOString(),
		pending: inputs,
	};
	team.imports.push(list);
	if (delayMs <= 0) completeImport(team, list);
	return list;
}

/** Completes every list that is due. */
export function settleImports(team: TeamData, now = Date.now()): void {
	for (const list of team.imports) {
		if (list.status === 'processing' && Date.parse(list.dueAt) <= now) completeImport(team, list);
	}
}

/** The import report as the API shows it: the bookkeeping fields left out. */
export function importReport(list: StoredImport): Omit<StoredImport, 'dueAt' | 'pending'> {
	const report: Partial<StoredImport> = structuredClone(list);
	delete report.dueAt;
	delete report.pending;
	return report as Omit<StoredImport, 'dueAt' | 'pending'>;
}

const COUNTERS = {
	imported: 'imported',
	existing: 'existing',
	invalid: 'invalid',
	skipped_dnc: 'skippedDnc',
} as const;

function completeImport(team: TeamData, list: StoredImport): void {
	for (const input of list.pending) {
		const row = importOne(team, list, input);
		list.report.push(row);
		list[COUNTERS[row.status]] += 1;
		list.processed += 1;
		list.currentIndex = list.processed;
	}
	const now = nowIso();
	list.pending = [];
	list.status = 'completed';
	list.lastProcessedAt = now;
	list.completedAt = now;
}

function importOne(team: TeamData, list: StoredImport, input: ImportInput): ImportRow {
	const slug = linkedinSlug(input.url);
	const row: ImportRow = {
		index: list.report.length,
		inputUrl: input.url,
		linkedinSlug: slug ?? null,
		status: 'invalid',
		prospectId: null,
		chatId: null,
		message: '',
		chatCreated: false,
		customDataSaved: false,
		...(list.campaignIds ? { campaignId: input.campaignId } : {}),
	};
	// Row statuses other than `imported`, and every message but its own, are inferred (I).
	if (slug === undefined) return { ...row, message: 'Invalid LinkedIn profile URL' };
	if (!team.campaigns.some((campaign) => campaign.id === input.campaignId)) {
		return { ...row, message: 'Campaign no longer exists' };
	}
	if (team.dnc.some((entry) => entry.url === profileUrl(slug))) {
		return { ...row, status: 'skipped_dnc', message: 'Prospect is on the Do Not Contact list' };
	}
	const existing = team.prospects.find(
		(prospect) => prospect.campaignId === input.campaignId && prospect.linkedinSlug === slug,
	);
	if (existing) {
		return {
			...row,
			status: 'existing',
			prospectId: existing.id,
			chatId: existing.chat.id,
			message: 'Prospect already exists in this campaign',
		};
	}
	const prospect = newProspect({ ...input, slug, listId: list.listId });
	team.prospects.push(prospect);
	return {
		...row,
		status: 'imported',
		prospectId: prospect.id,
		chatId: prospect.chat.id,
		message: 'Prospect imported and enriched',
		chatCreated: true,
		customDataSaved: prospect.chat.customData !== undefined,
	};
}
