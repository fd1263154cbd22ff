/** One team's Do Not Contact list: entries keyed by the normalised profile URL. */
import { conflict, validationError } from '../http';
import { newId, nowIso } from '../ids';
import { normaliseProfileUrl } from '../linkedinUrl';
import type { DncEntry, TeamData } from '../state/model';

/** The stored form of a URL given by a caller, or 400 (missing or not a LinkedIn profile URL). */
export function requireProfileUrl(value: unknown, field = 'url'): string {
	if (value === undefined || value === null || value === '') {
		throw validationError(`${field} is required`);
	}
	const url = typeof value === 'string' ? normaliseProfileUrl(value) : undefined;
	if (!url) {
		// (I) message: the docs list the accepted forms but not this text.
		throw validationError(
			`${field} must be a LinkedIn profile URL such as https://linkedin.com/in/john-smith`,
		);
	}
	return url;
}

export function findEntry(team: TeamData, url: string): DncEntry | undefined {
	return team.dnc.find((entry) => entry.url === url);
}

export function addEntry(team: TeamData, url: string): DncEntry {
	if (findEntry(team, url)) {
		throw conflict('already_exists', 'This URL is already on the Do Not Contact list'); // (I)
	}
	const now = nowIso();
	const entry: DncEntry = { $id: newId(), teamId: team.id, url, $createdAt: now, $updatedAt: now };
	team.dnc.push(entry);
	return entry;
}

export type BatchDetail =
	| { url: string; status: 'added' | 'duplicate' }
	| { url: string; status: 'error'; error: string };

/** Adds each URL; one already listed (before or earlier in the batch) is a duplicate, not an error. */
export function addEntries(team: TeamData, urls: string[]): BatchDetail[] {
	return urls.map((input): BatchDetail => {
		const url = normaliseProfileUrl(input);
		if (!url) return { url: input, status: 'error', error: 'Invalid LinkedIn URL format' }; // (I)
		if (findEntry(team, url)) return { url, status: 'duplicate' };
		addEntry(team, url);
		return { url, status: 'added' };
	});
}
