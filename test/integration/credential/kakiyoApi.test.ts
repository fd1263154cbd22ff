import type { IHttpRequestOptions } from 'n8n-workflow';
import { randomBytes } from 'node:crypto';
import { KakiyoApi } from '../../../credentials/KakiyoApi.credentials';
import { DEFAULT_BASE_URL, joinUrl } from '../../../nodes/shared/transport';
import { TestWorkflow } from '../../support/n8nRuntime';
import { ProbeNode } from '../../support/probeNode';
import { scriptedServerForThisFile } from '../../support/scriptedServer';

const credential = new KakiyoApi();
const server = scriptedServerForThisFile();
const apiKey = randomBytes(20).toString('hex');

/** Resolves the credential's test request with n8n's expression engine, as n8n's credential tester does. */
function resolvedTestRequest(baseUrl: string | undefined) {
	const workflow = new TestWorkflow({ nodeType: new ProbeNode(), parameters: {}, credentials: {} });
	const baseURL = workflow.workflow.expression.getSimpleParameterValue(
		workflow.node,
		credential.test.request.baseURL as string,
		'internal',
		{ $credentials: { apiKey, url: baseUrl } },
	) as string;
	return { ...credential.test.request, baseURL };
}

describe('Kakiyo API credential', () => {
	it('asks for a secret API key and an optional base URL defaulting to the public API', () => {
		const [key, url] = credential.properties;
		expect(key).toMatchObject({
			name: 'apiKey',
			type: 'string',
			required: true,
			typeOptions: { password: true },
		});
		expect(url).toMatchObject({ name: 'url', default: 'https://api.kakiyo.com/v1' });
		expect(url.hint).toMatch(/sandbox|proxy/);
		expect(credential.documentationUrl).toMatch(/^https:\/\//);
		expect(credential.icon).toEqual({
			light: 'file:../icons/kakiyo.svg',
			dark: 'file:../icons/kakiyo.dark.svg',
		});
	});

	it.each([
		['https://api.kakiyo.com/v1', 'https://api.kakiyo.com/v1'],
		['https://api.kakiyo.com/v1/', 'https://api.kakiyo.com/v1'],
		['http://127.0.0.1:4010/v1//', 'http://127.0.0.1:4010/v1'],
	])('tests %s against GET {base}/verify without a double slash', (baseUrl, expected) => {
		expect(resolvedTestRequest(baseUrl)).toEqual({
			baseURL: expected,
			url: '/verify',
			method: 'GET',
			disableFollowRedirect: true,
		});
	});

	it.each([[''], ['   '], [undefined]])(
		'tests the public API when the Base URL is %p, as the nodes fall back to it',
		(baseUrl) => {
			expect(resolvedTestRequest(baseUrl).baseURL).toBe('https://api.kakiyo.com/v1');
		},
	);

	it.each([
		['https://api.kakiyo.com/v1/'],
		[' https://proxy.example/kakiyo/v1/ '],
		['http://127.0.0.1:4010/v1//'],
		[''],
		['  '],
		[undefined],
	])('tests the URL the nodes call for a Base URL of %p', (baseUrl) => {
		expect(`${resolvedTestRequest(baseUrl).baseURL}/verify`).toBe(joinUrl(baseUrl, '/verify'));
	});

	it('defaults the Base URL to the URL the nodes fall back to', () => {
		expect(credential.properties[1].default).toBe(DEFAULT_BASE_URL);
	});

	it('explains each refusal of the test request instead of a bare status text', () => {
		const messages = new Map(
			(credential.test.rules ?? []).map((rule) => [rule.properties.value, rule.properties.message]),
		);
		expect([...messages.keys()]).toEqual([301, 302, 303, 307, 308, 401, 403, 404, 429]);
		expect(messages.get(401)).toMatch(/rejected the API key.*40-character team key/);
		expect(messages.get(403)).toMatch(/subscription is inactive/);
		expect(messages.get(404)).toMatch(/Base URL.*\/v1/);
	});

	it("keeps the type name, field names, default and header of Kakiyo's own package, so either definition reads what the other saved", () => {
		// n8n keys credential types by name and keeps only the fields the loaded definition declares.
		// Kakiyo's `n8n-nodes-kakiyo-api` declares `kakiyoApi` with `apiKey` and `url`; see the README.
		expect(credential.name).toBe('kakiyoApi');
		expect(credential.properties.map((property) => [property.name, property.default])).toEqual([
			['apiKey', ''],
			['url', 'https://api.kakiyo.com/v1'],
		]);
		expect(credential.authenticate).toEqual({
			type: 'generic',
			properties: { headers: { Authorization: '=Bearer {{$credentials.apiKey}}' } },
		});
		expect(credential.test.request).toMatchObject({ url: '/verify', method: 'GET' });
	});

	it('authenticates the test request with a Bearer header, sent for real', async () => {
		server.answer({ status: 200, body: { status: 'success', message: 'API key is valid' } });
		const workflow = new TestWorkflow({
			nodeType: new ProbeNode(),
			parameters: {},
			credentials: { apiKey, url: `${server.baseUrl}/` },
		});
		const context = workflow.executeContext([{ json: {} }]);
		const request = resolvedTestRequest(`${server.baseUrl}/`) as IHttpRequestOptions;
		const response = await context.helpers.httpRequestWithAuthentication.call(
			context,
			'kakiyoApi',
			{
				...request,
				json: true,
			},
		);
		expect(response).toEqual({ status: 'success', message: 'API key is valid' });
		expect(server.calls[0]).toMatchObject({ method: 'GET', url: '/v1/verify' });
		expect(server.calls[0].headers.authorization).toBe(`Bearer ${apiKey}`);
	});
});
