/**
 * A LinkedIn profile URL reduced to what tells profiles apart, to find the entry of a batch answer
 * that belongs to a URL the node sent. Kakiyo documents that it normalises Do Not Contact URLs by
 * stripping the protocol, lower-casing and removing a trailing slash, and that
 * `https://linkedin.com/in/x`, `https://www.linkedin.com/in/x/`, `linkedin.com/in/x` and `in/x` are
 * one profile; its answers name each entry by that normalised URL, and its import reports by the
 * URL as sent. So the node reduces both sides the same way: those documented rules, plus a query
 * string, a fragment and a `www.` or country subdomain (`uk.linkedin.com`) left out, which can only
 * join two URLs that Kakiyo kept apart, never part two it joined. Text that is no profile URL keeps
 * its lower-cased form, so it still meets Kakiyo's echo of it.
 */
export function profileKey(url: string): string {
	const text = url
		.trim()
		.toLowerCase()
		.replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
		.replace(/[?#].*$/, '')
		.replace(/\/+$/, '');
	const profile = /^(?:(?:[a-z]{2,3}\.)?linkedin\.com)?\/?(in\/[^/]+)$/.exec(text);
	return profile ? `linkedin.com/${profile[1]}` : text;
}

/**
 * Pairs what was sent with what came back, through `keyOf`: each sent value takes the first
 * answered entry with its key that no earlier value took, so a URL sent twice meets Kakiyo's two
 * entries for it in order. Undefined where the answer holds nothing for a value.
 */
export function pairByKey<T>(
	sent: readonly string[],
	answered: readonly T[],
	keyOf: (entry: T) => string | undefined,
): Array<T | undefined> {
	const waiting = new Map<string, T[]>();
	for (const entry of answered) {
		const key = keyOf(entry);
		if (key === undefined) continue;
		waiting.set(key, [...(waiting.get(key) ?? []), entry]);
	}
	return sent.map((value) => waiting.get(value)?.shift());
}
