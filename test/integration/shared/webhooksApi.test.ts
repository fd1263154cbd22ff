import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { randomBytes } from 'node:crypto';
import { KNOWN_EVENTS } from '../../../nodes/shared/eventCatalogue';
import { getEventOptions } from '../../../nodes/Kakiyo/methods/loadOptions';
import { isKakiyoNotFound } from '../../../nodes/shared/transport/apiError';
import {
	createWebhook,
	deleteWebhook,
	getWebhook,
	listWebhooks,
	putWebhook,
} from '../../../nodes/shared/webhooksApi';
import { TestWorkflow } from '../../support/n8nRuntime';
import { ProbeNode } from '../../support/probeNode';
import { scriptedServerForThisFile } from '../../support/scriptedServer';

const server = scriptedServerForThisFile();
let workflow: TestWorkflow;
const hook = {
	id: 'a1b2c3',
	name: 'CRM',
	url: 'https://n8n.example/webhook/x',
	events: ['*'],
	active: true,
};

beforeAll(() => {
	workflow = new TestWorkflow({
		nodeType: new ProbeNode(),
		parameters: {},
		credentials: { apiKey: randomBytes(20).toString('hex'), url: server.baseUrl },
	});
});
const context = () => workflow.executeContext([{ json: {} }]);

describe('listWebhooks accepts every list shape Kakiyo might use', () => {
	it.each([
		['a bare array', [hook]],
		['{webhooks}', { webhooks: [hook], total: 1 }],
		['{data}', { data: [hook] }],
		['{data: {webhooks}}', { data: { webhooks: [hook] } }],
		['{items}', { items: [hook] }],
	])('%s', async (_shape, body) => {
		server.answer({ status: 200, body });
		await expect(listWebhooks.call(context())).resolves.toEqual([hook]);
		expect(server.calls[0]).toMatchObject({ method: 'GET', url: '/v1/webhooks' });
	});

	it('skips entries that are not webhooks (null, text, no id)', async () => {
		server.answer({ status: 200, body: { webhooks: [null, 'x', { name: 'no id' }, hook, 7] } });
		await expect(listWebhooks.call(context())).resolves.toEqual([hook]);
	});

	it('fails clearly on a shape it cannot read instead of returning nothing', async () => {
		server.answer({ status: 200, body: { webhooks: 'none' } });
		const error = await listWebhooks.call(context()).catch((caught: unknown) => caught);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect((error as Error).message).toBe(
			'Kakiyo answered the webhooks list in an unexpected shape',
		);
	});
});

describe('single-webhook calls', () => {
	it('gets one, bare or wrapped, with the id encoded in the path', async () => {
		server.answer({ status: 200, body: hook }, { status: 200, body: { webhook: hook } });
		await expect(getWebhook.call(context(), 'a1b2c3')).resolves.toEqual(hook);
		await expect(getWebhook.call(context(), 'a/b')).resolves.toEqual(hook);
		expect(server.calls.map((c) => c.url)).toEqual(['/v1/webhooks/a1b2c3', '/v1/webhooks/a%2Fb']);
	});

	it('creates with a JSON body and returns the answer', async () => {
		server.answer({ status: 201, body: { ...hook, message: 'Webhook created successfully' } });
		const created = await createWebhook.call(context(), {
			name: 'CRM',
			url: hook.url,
			events: ['*'],
			secret: 'kept-out-of-sight',
		});
		expect(created.id).toBe('a1b2c3');
		expect(server.calls[0].method).toBe('POST');
		expect(JSON.parse(server.calls[0].body)).toEqual({
			name: 'CRM',
			url: hook.url,
			events: ['*'],
			secret: 'kept-out-of-sight',
		});
	});

	it('refuses a create answer without an id', async () => {
		server.answer({ status: 201, body: { message: 'Webhook created successfully' } });
		await expect(createWebhook.call(context(), { name: 'x' })).rejects.toThrow(
			"Kakiyo's answer to creating a webhook has no webhook ID",
		);
	});

	it('updates with PUT and returns the answer as it came', async () => {
		server.answer({ status: 200, body: { message: 'Webhook updated successfully' } });
		await expect(putWebhook.call(context(), 'a1b2c3', { active: true })).resolves.toEqual({
			message: 'Webhook updated successfully',
		});
		expect(server.calls[0]).toMatchObject({
			method: 'PUT',
			url: '/v1/webhooks/a1b2c3',
			body: '{"active":true}',
		});
	});

	it('refuses an HTML page answered with 200 to an update, instead of reading its characters as fields', async () => {
		const page = `<html><body>${'Maintenance '.repeat(3)}</body></html>`;
		server.answer({ status: 200, body: page });
		const error = (await putWebhook
			.call(context(), 'a1b2c3', { active: true })
			.catch((caught: unknown) => caught)) as NodeApiError;
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe(
			'Kakiyo answered PUT /webhooks/a1b2c3 with HTTP 200 but an HTML page instead of JSON: <html><body>Maintenance Maintenance Maintenance </body></html>',
		);
		expect(error.description).toMatch(/Base URL/);
		expect(server.calls).toHaveLength(1);
	});

	it.each([
		['create', () => createWebhook.call(context(), { name: 'CRM', url: hook.url })],
		['update', () => putWebhook.call(context(), 'a1b2c3', { active: true })],
		['get', () => getWebhook.call(context(), 'a1b2c3')],
	])('refuses a JSON error answered with 200 to %s', async (_operation, run) => {
		server.answer({ status: 200, body: { error: 'internal_error', message: 'Could not save' } });
		const error = (await run().catch((caught: unknown) => caught)) as NodeApiError;
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toMatch(
			/^Kakiyo answered (POST|PUT|GET) \/webhooks(\/a1b2c3)? with HTTP 200 but an error \(internal_error\): Could not save$/,
		);
	});

	it("deletes with DELETE; Kakiyo's not_found is recognisable as already gone", async () => {
		server.answer({ status: 404, body: { error: 'not_found', message: 'Webhook not found' } });
		const error = await deleteWebhook.call(context(), 'gone').catch((caught: unknown) => caught);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(isKakiyoNotFound(error)).toBe(true);
		expect((error as Error).message).toBe(
			'Kakiyo could not find webhook "gone": Webhook not found',
		);
		expect(server.calls[0]).toMatchObject({ method: 'DELETE', url: '/v1/webhooks/gone' });
	});
});

describe('isKakiyoNotFound', () => {
	it("recognises Kakiyo's not_found", () => {
		expect(isKakiyoNotFound({ httpCode: '404', errorResponse: { error: 'not_found' } })).toBe(true);
	});

	it.each([
		['a bare 404', { httpCode: '404' }],
		['a 404 with another code', { httpCode: '404', errorResponse: { error: 'route_missing' } }],
		['not_found with another status', { httpCode: '400', errorResponse: { error: 'not_found' } }],
		['undefined', undefined],
		['an error', new Error('404')],
	])('rejects %s', (_case, error) => {
		expect(isKakiyoNotFound(error)).toBe(false);
	});

	it('rejects a 404 HTML page from the client', async () => {
		server.answer({ status: 404, body: '<html>Not Found</html>' });
		const error = await deleteWebhook.call(context(), 'x').catch((caught: unknown) => caught);
		expect((error as NodeApiError).httpCode).toBe('404');
		expect(isKakiyoNotFound(error)).toBe(false);
	});
});

describe('getEventOptions in a real LoadOptionsContext', () => {
	it("merges Kakiyo's list with the known events", async () => {
		server.answer({
			status: 200,
			body: [{ id: 'deal.won', name: 'Deal Won', description: 'A deal was won', category: 'deal' }],
		});
		const options = await getEventOptions.call(workflow.loadOptionsContext());
		expect(server.calls[0].url).toBe('/v1/webhooks/test/events');
		expect(options[0]).toMatchObject({ name: 'All Events', value: '*' });
		expect(options).toHaveLength(KNOWN_EVENTS.length + 1);
		expect(options).toContainEqual({
			name: 'Deal Won (deal.won)',
			value: 'deal.won',
			description: 'A deal was won',
		});
	});

	it('offers the known events after one quick failed try', async () => {
		server.answer({ status: 503, body: { error: 'internal_error', message: 'down' } });
		const options = await getEventOptions.call(workflow.loadOptionsContext());
		expect(server.calls).toHaveLength(1);
		expect(options.map((option) => option.value)).toEqual(KNOWN_EVENTS.map((event) => event.id));
	});
});

describe('a secret the user typed never reaches an error', () => {
	const secret = 'my typed secret: hunter2-hunter2';

	it.each([
		['create', () => createWebhook.call(context(), { name: 'CRM', url: hook.url, secret })],
		['update', () => putWebhook.call(context(), 'a1b2c3', { secret })],
	])('when Kakiyo echoes it in a 400 to %s', async (_operation, run) => {
		server.answer({
			status: 400,
			body: { error: 'validation_error', message: `secret "${secret}" is too weak` },
		});
		const error = (await run().catch((caught: unknown) => caught)) as NodeApiError;
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('Kakiyo refused the request: secret "[redacted]" is too weak');
		expect(JSON.stringify(error)).not.toContain('hunter2');
		expect(String(error.description)).not.toContain('hunter2');
	});
});
