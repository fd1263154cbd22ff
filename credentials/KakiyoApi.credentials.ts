import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

/*
 * Kakiyo's own package (`n8n-nodes-kakiyo-api`) declares a credential type with this same name, and
 * n8n keys credential types by name: with both packages installed, n8n uses the definition of the
 * package it loaded last, for every credential of this type, and keeps only the fields that
 * definition declares. So the type name, the field names (`apiKey`, `url`), the default URL and the
 * Bearer header match Kakiyo's: credentials and workflows saved with either package keep working in
 * both, whichever definition n8n loads, and no one has to type the API key again (Kakiyo shows a key
 * only once). The e2e suite checks this with such a package installed next to this one.
 */
export class KakiyoApi implements ICredentialType {
	name = 'kakiyoApi';

	displayName = 'Kakiyo API';

	icon: Icon = { light: 'file:../icons/kakiyo.svg', dark: 'file:../icons/kakiyo.dark.svg' };

	documentationUrl = 'https://github.com/kakiyo-community/n8n-nodes-kakiyo#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				'Your team API key (40 characters), from Team > API Keys in the Kakiyo dashboard. It is shown only once when created.',
		},
		{
			displayName: 'Base URL',
			name: 'url',
			type: 'string',
			default: 'https://api.kakiyo.com/v1',
			hint: 'Change this only to use a sandbox, a proxy or the local Kakiyo emulator',
			description: 'The Kakiyo REST API root, including the version path',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=Bearer {{$credentials.apiKey}}',
			},
		},
	};

	// The URL the nodes call (joinUrl): trimmed, the public API when blank, and a trailing slash must
	// not turn into `//verify`. Like the nodes' calls, the test follows no redirect: n8n would follow
	// one to any host with the key attached (n8n copies every key of this request into its options).
	// The rules replace n8n's bare status text ("Unauthorized") with what the answer means for this
	// credential.
	test: ICredentialTestRequest = {
		request: {
			baseURL:
				'={{(($credentials.url || "").trim() || "https://api.kakiyo.com/v1").replace(/\\/+$/, "")}}',
			url: '/verify',
			method: 'GET',
			disableFollowRedirect: true,
		},
		rules: [
			...[301, 302, 303, 307, 308].map((value) => ({
				type: 'responseCode' as const,
				properties: {
					value,
					message: `The Base URL redirects (HTTP ${value}), and Kakiyo's API never does: the key was not sent on. Check the Base URL; it should be the Kakiyo API itself, e.g. https://api.kakiyo.com/v1.`,
				},
			})),
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'Kakiyo rejected the API key. Paste the 40-character team key from Team > API Keys in the Kakiyo dashboard again, without spaces.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message:
						"Kakiyo refused this key: the team's subscription is inactive or the key lacks permission. Check the subscription in the Kakiyo dashboard.",
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message: 'No Kakiyo API answers at this Base URL. Check it; it should end in /v1.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 429,
					message: "Kakiyo's rate limit was reached. Wait a minute and test again.",
				},
			},
		],
	};
}
