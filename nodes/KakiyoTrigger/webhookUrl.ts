/** The URL as a server would read it: host case, default port and a trailing slash make no difference. */
function normalizeUrl(url: string): string {
	try {
		return new URL(url.trim()).href.replace(/\/+$/, '');
	} catch {
		return url.trim();
	}
}

/** Whether a URL Kakiyo reports is this trigger's webhook URL. */
export function sameUrl(remote: unknown, ours: string): boolean {
	return typeof remote === 'string' && normalizeUrl(remote) === normalizeUrl(ours);
}
