import type { IDataObject, IHttpRequestMethods, INodeParameters, INodeType } from 'n8n-workflow';
import { randomBytes } from 'node:crypto';
import { Kakiyo } from '../../../nodes/Kakiyo/Kakiyo.node';
import { listSearch } from '../../../nodes/Kakiyo/methods/listSearch';
import { KakiyoTrigger } from '../../../nodes/KakiyoTrigger/KakiyoTrigger.node';
import { getEventOptions } from '../../../nodes/Kakiyo/methods/loadOptions';
import { FAST_RETRY } from '../../support/fastRetry';
import { TestWorkflow } from '../../support/n8nRuntime';
import { probeFailure } from '../../support/probeNode';
import { scriptedServerForThisFile } from '../../support/scriptedServer';

/**
 * Kakiyo's API never redirects, and n8n's HTTP helper follows a redirect to any host with the
 * `Authorization` header put back on (and, on a 307 or 308, the body sent again). So no call follows
 * one: a 3xx fails with the host it pointed at, and nothing reaches that host.
 */
const apiKey = randomBytes(20).toString('hex');
const PASSWORD = 'example-redirect-password-01';
const kakiyo = scriptedServerForThisFile();
/** The other origin: another port on loopback, which records whatever reaches it. */
const elsewhere = scriptedServerForThisFile();

const otherHost = () => new URL(elsewhere.baseUrl).host;

function redirect(status: number, location = `${elsewhere.baseUrl}/verify`) {
	kakiyo.answer({ status, headers: { location }, body: '' });
	elsewhere.answer({ status: 200, body: { id: 'hook-elsewhere', secret: 'made-elsewhere' } });
}

const failure = async (method: IHttpRequestMethods, path: string, body?: IDataObject) =>
	await probeFailure({ method, path, body, baseUrl: kakiyo.baseUrl, apiKey, retry: FAST_RETRY });

/** Nothing at all reached the other origin: no key, no body, no request. */
function expectNothingElsewhere() {
	expect(elsewhere.calls).toEqual([]);
}

describe('a redirect from the Base URL', () => {
	it.each([301, 302, 303, 307, 308])(
		'%i on a GET fails once, naming the host it points at, and nothing reaches that host',
		async (status) => {
			redirect(status);
			const error = await failure('GET', '/verify');
			expect(error.message).toBe(
				`The Base URL answered GET /verify with a redirect (HTTP ${status}) to ${otherHost()}; this node does not follow redirects`,
			);
			expect(error.description).toContain(otherHost());
			expect(error.description).toMatch(/Check the Base URL in the Kakiyo API credential/);
			expect(kakiyo.calls).toHaveLength(1);
			expectNothingElsewhere();
		},
	);

	it('a 307 on Agent Setup hands neither the API key nor the LinkedIn password to the other host', async () => {
		redirect(307, `${elsewhere.baseUrl}/agents/setup`);
		const error = await failure('POST', '/agents/setup', {
			name: 'Agent',
			linkedinEmail: 'agent@example.com',
			linkedinPassword: PASSWORD,
		});
		expect(error.message).toMatch(/redirect \(HTTP 307\)/);
		expect(kakiyo.calls).toHaveLength(1);
		expectNothingElsewhere();
	});

	it('a POST redirected to a host that refuses connections is sent once, not retried as "never sent"', async () => {
		redirect(307, 'http://127.0.0.1:9/v1/webhooks');
		const error = await failure('POST', '/webhooks', { name: 'n', events: ['*'] });
		expect(error.message).toMatch(/redirect \(HTTP 307\) to 127\.0\.0\.1:9;/);
		expect(kakiyo.calls).toHaveLength(1);
	});

	it('a relative Location names the Base URL host, and is not followed either', async () => {
		redirect(302, '/v1/verify/');
		const error = await failure('GET', '/verify');
		expect(error.message).toContain(`to ${new URL(kakiyo.baseUrl).host};`);
		expect(kakiyo.calls).toHaveLength(1);
	});

	it('a 3xx without a Location says so', async () => {
		kakiyo.answer({ status: 300, body: '' });
		const error = await failure('GET', '/verify');
		expect(error.message).toBe(
			'The Base URL answered GET /verify with a redirect (HTTP 300) that names no address; this node does not follow redirects',
		);
	});

	it('keeps the key out of the error when the Location carries it', async () => {
		redirect(302, `${elsewhere.baseUrl}/steal?key=${apiKey}`);
		const error = await failure('GET', '/verify');
		expect(JSON.stringify(error) + error.message + String(error.description)).not.toContain(apiKey);
	});
});

describe('outside an execution, where the redirect is not followed either', () => {
	const workflowOf = (nodeType: INodeType, parameters: INodeParameters = {}) =>
		new TestWorkflow({ nodeType, parameters, credentials: { apiKey, url: kakiyo.baseUrl } });

	it('a list search fails on it', async () => {
		redirect(302, `${elsewhere.baseUrl}/campaigns`);
		const context = workflowOf(new Kakiyo()).loadOptionsContext('parameters.campaignId');
		await expect(listSearch.searchCampaigns.call(context)).rejects.toThrow(/redirect \(HTTP 302\)/);
		expect(kakiyo.calls).toHaveLength(1);
		expectNothingElsewhere();
	});

	it('an option loader offers the known events instead', async () => {
		redirect(307, `${elsewhere.baseUrl}/webhooks/test/events`);
		const options = await getEventOptions.call(
			workflowOf(new KakiyoTrigger()).loadOptionsContext(),
		);
		expect(options.length).toBeGreaterThan(1);
		expect(kakiyo.calls).toHaveLength(1);
		expectNothingElsewhere();
	});

	it("the trigger's activation fails on a 307 to POST /webhooks: the new secret goes nowhere and nothing is stored", async () => {
		kakiyo.answer(
			{ status: 200, body: { webhooks: [], total: 0 } },
			{ status: 307, headers: { location: `${elsewhere.baseUrl}/webhooks` }, body: '' },
		);
		elsewhere.answer({ status: 201, body: { id: 'hook-elsewhere', active: true } });
		const workflow = workflowOf(new KakiyoTrigger({ retry: FAST_RETRY }), {
			events: ['linkedin.message.received'],
			options: {},
		});
		const lifecycle = (workflow.setup.nodeType as KakiyoTrigger).webhookMethods.default;

		const activation = async () => {
			if (!(await lifecycle.checkExists.call(workflow.hookContext())))
				await lifecycle.create.call(workflow.hookContext());
		};
		await expect(activation()).rejects.toThrow(/redirect \(HTTP 307\)/);
		expect(kakiyo.calls.map((call) => call.method)).toEqual(['GET', 'POST']);
		expectNothingElsewhere();
		expect(workflow.nodeStaticData()).toEqual({});
	});
});
