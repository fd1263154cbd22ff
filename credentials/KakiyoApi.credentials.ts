import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

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
			name: 'baseUrl',
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

	// A trailing slash in the base URL must not turn into `//verify`.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/verify',
			method: 'GET',
		},
	};
}
