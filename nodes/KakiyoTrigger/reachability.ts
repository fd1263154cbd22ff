import { NodeOperationError, type INode } from 'n8n-workflow';
import { DEFAULT_BASE_URL } from '../shared/transport';

/** True when the credential talks to Kakiyo's hosted API, which can only call public HTTPS URLs. */
export function isHostedKakiyo(baseUrl: string | undefined): boolean {
	try {
		const host = new URL((baseUrl || DEFAULT_BASE_URL).trim()).hostname.toLowerCase();
		return host === 'kakiyo.com' || host.endsWith('.kakiyo.com');
	} catch {
		// Not a URL at all: the API call itself will fail with a message about the Base URL.
		return false;
	}
}

const LOCAL_SUFFIXES = ['.localhost', '.local', '.internal', '.lan', '.home.arpa'];

function isPrivateIpv4(host: string): boolean {
	const octets = host.split('.').map(Number);
	if (octets.length !== 4 || octets.some((octet) => !Number.isInteger(octet) || octet > 255))
		return false;
	const [a, b] = octets;
	return (
		a === 0 ||
		a === 10 ||
		a === 127 ||
		(a === 100 && b >= 64 && b <= 127) ||
		(a === 169 && b === 254) ||
		(a === 172 && b >= 16 && b <= 31) ||
		(a === 192 && b === 168)
	);
}

function isPrivateIpv6(host: string): boolean {
	if (host === '::' || host === '::1') return true;
	if (/^f[cd]/.test(host) || /^fe[89ab]/.test(host)) return true;
	// IPv4-mapped (::ffff:7f00:1 is 127.0.0.1): judge the IPv4 address inside.
	const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(host);
	if (!mapped) return false;
	const [high, low] = [parseInt(mapped[1], 16), parseInt(mapped[2], 16)];
	return isPrivateIpv4([high >> 8, high & 255, low >> 8, low & 255].join('.'));
}

/** Why a hosted service could not deliver to this URL, or undefined when it could. */
export function unreachableReason(webhookUrl: string): string | undefined {
	let url: URL;
	try {
		url = new URL(webhookUrl);
	} catch {
		return 'it is not a valid URL';
	}
	const host = url.hostname.toLowerCase();
	if (host.startsWith('[')) {
		if (isPrivateIpv6(host.slice(1, -1))) return `${host} is a local or private address`;
	} else if (
		host === 'localhost' ||
		LOCAL_SUFFIXES.some((suffix) => host.endsWith(suffix)) ||
		!host.includes('.') ||
		isPrivateIpv4(host)
	) {
		return `${host} is a local or private address`;
	}
	if (url.protocol !== 'https:') return 'it does not use HTTPS';
	return undefined;
}

/**
 * Refuses to register a webhook the hosted Kakiyo API could never call, with what to do instead.
 * Other base URLs (a proxy, a sandbox, the local emulator) may use any URL.
 */
export function assertKakiyoCanReach(
	node: INode,
	webhookUrl: string,
	apiBaseUrl: string | undefined,
): void {
	if (!isHostedKakiyo(apiBaseUrl)) return;
	const reason = unreachableReason(webhookUrl);
	if (!reason) return;
	throw new NodeOperationError(node, `Kakiyo cannot reach this webhook URL: ${reason}`, {
		description:
			`Kakiyo would send events to ${webhookUrl}, which it cannot call. Kakiyo delivers over the internet to public HTTPS addresses only. ` +
			'Set the WEBHOOK_URL environment variable of n8n to its public HTTPS address (for example https://n8n.example.com/) and restart n8n, ' +
			"or expose n8n through a tunnel (for example ngrok or Cloudflare Tunnel) and set WEBHOOK_URL to the tunnel's address. " +
			"To try the trigger locally, point the credential's Base URL at the Kakiyo emulator instead.",
	});
}
