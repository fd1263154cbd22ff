import type { INodeType } from 'n8n-workflow';
import { randomBytes } from 'node:crypto';
import { KakiyoApi } from '../../../credentials/KakiyoApi.credentials';
import { TestWorkflow } from '../../support/n8nRuntime';
import { scriptedServerForThisFile } from '../../support/scriptedServer';

/**
 * The credential test as n8n runs it: n8n copies the declarative `test.request` into the routing of a
 * throw-away node and runs that node with n8n-core's RoutingNode; a failure's HTTP status picks the
 * rule whose message the editor shows. A Base URL that redirects must not get the key sent on.
 */
const credential = new KakiyoApi();
const apiKey = randomBytes(20).toString('hex');
const kakiyo = scriptedServerForThisFile();
const elsewhere = scriptedServerForThisFile();

/** n8n's throw-away node for a credential test (CredentialsTester.testCredentials, both lines). */
const testerNode = (): INodeType => ({
	description: {
		displayName: 'Kakiyo API test',
		name: 'kakiyoApiTest',
		group: ['transform'],
		version: 1,
		description: '',
		defaults: {},
		inputs: ['main'],
		outputs: ['main'],
		credentials: [{ name: 'kakiyoApi', required: true }],
		properties: [
			{
				displayName: 'Temp',
				name: 'temp',
				type: 'string',
				routing: { request: credential.test.request },
				default: '',
			},
		],
	},
});

/** Runs the test; returns the HTTP status a failure carries where n8n's tester reads it. */
async function testCredential(url: string): Promise<number | 'passed'> {
	const workflow = new TestWorkflow({
		nodeType: testerNode(),
		parameters: {},
		credentials: { apiKey, url },
	});
	try {
		await workflow.run();
		return 'passed';
	} catch (error) {
		return (error as { cause?: { response?: { status: number } } }).cause!.response!.status;
	}
}

const ruleFor = (status: number) =>
	credential.test.rules?.find((rule) => rule.properties.value === status)?.properties.message;

it('passes against a Kakiyo that accepts the key', async () => {
	kakiyo.answer({ status: 200, body: { status: 'success', message: 'API key is valid' } });
	expect(await testCredential(kakiyo.baseUrl)).toBe('passed');
	expect(kakiyo.calls[0].headers.authorization).toBe(`Bearer ${apiKey}`);
});

it.each([301, 302, 303, 307, 308])(
	'fails on a %i without sending the key on, with a rule saying to check the Base URL',
	async (status) => {
		kakiyo.answer({ status, headers: { location: `${elsewhere.baseUrl}/verify` }, body: '' });
		elsewhere.answer({ status: 200, body: { status: 'success' } });
		expect(await testCredential(kakiyo.baseUrl)).toBe(status);
		expect(elsewhere.calls).toEqual([]);
		expect(ruleFor(status)).toMatch(/redirects.*Check the Base URL/);
	},
);
