/**
 * LinkedIn profile URLs as Kakiyo normalises them for Do Not Contact (documented: protocol stripped,
 * lower-cased, trailing slash removed; `https://linkedin.com/in/x`, `https://www.linkedin.com/in/x/`,
 * `linkedin.com/in/x` and `in/x` are accepted) and for prospect imports. Stored as
 * `https://linkedin.com/in/<slug>` (I). Query strings, fragments and country subdomains are ignored (I).
 */

const PROFILE = /^(?:(?:[a-z]{2,3}\.)?linkedin\.com)?\/?in\/([^/\s?#]+)$/;

/** The profile's slug (`johnsmith`), or undefined when the text is not a LinkedIn profile URL. */
export function linkedinSlug(input: string): string | undefined {
	const text = input
		.trim()
		.toLowerCase()
		.replace(/^https?:\/\//, '')
		.replace(/^www\./, '')
		.replace(/[?#].*$/, '')
		.replace(/\/+$/, '');
	return PROFILE.exec(text)?.[1];
}

export function profileUrl(slug: string): string {
	return `https://linkedin.com/in/${slug}`;
}

/** The stored form of a profile URL, or undefined when it is not one. */
export function normaliseProfileUrl(input: string): string | undefined {
	const slug = linkedinSlug(input);
	return slug === undefined ? undefined : profileUrl(slug);
}
