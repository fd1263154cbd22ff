import type { INodeParameters } from 'n8n-workflow';
import { useEmulator } from '../../support/emulator';
import { kakiyoAgainst } from './kakiyoRun';
import { byId, WireKit } from './wire/wireRow';

/**
 * A 2xx answer is success only when it is what the operation expects: a JSON object (an envelope with
 * its `data` for Do Not Contact), or, for a change rather than a read, nothing at all. A
 * proxy's HTML page or a JSON error answered with 200 fails the item; it never becomes an output.
 */
const emulator = useEmulator();
const kakiyo = kakiyoAgainst(() => emulator);
let kit: WireKit;

beforeAll(() => {
	kit = new WireKit(emulator);
});

const page = '<html><body><h1>Welcome to the proxy</h1></body></html>';

describe('a single-object operation fails on a 2xx answer that is not a JSON object', () => {
	it.each<[string, () => INodeParameters, string, string]>([
		[
			'Campaign > Create',
			() => {
				const team = kit.team();
				return {
					resource: 'campaign',
					operation: 'create',
					name: 'Q3 outreach',
					productId: byId(team.products[0].id),
					promptId: byId(team.prompts[0].id),
					agentId: byId(team.agents[0].id),
				};
			},
			'POST',
			'/v1/campaigns',
		],
		[
			'Webhook > Get',
			() => ({ resource: 'webhook', operation: 'get', webhookId: byId('abc') }),
			'GET',
			'/v1/webhooks/abc',
		],
		[
			'Agent > Pause',
			() => ({ resource: 'agent', operation: 'pause', agentId: byId(kit.team().agents[0].id) }),
			'POST',
			'/v1/agents/*',
		],
	])('%s, given an HTML page with 200', async (_name, parameters, method, path) => {
		emulator.injectFault({ method, path, malformed: true, body: page });

		const error = await kakiyo.fail(parameters());

		expect(error.message).toMatch(/with HTTP 200 but an HTML page instead of JSON: .*Welcome/);
	});

	it('Agent > Pause, given a JSON error with 200', async () => {
		emulator.injectFault({
			path: '/v1/agents/*',
			status: 200,
			body: { error: 'internal_error', message: 'Could not pause' },
		});

		const error = await kakiyo.fail({
			resource: 'agent',
			operation: 'pause',
			agentId: byId(kit.team().agents[0].id),
		});

		expect(error.message).toMatch(
			/with HTTP 200 but an error \(internal_error\): Could not pause$/,
		);
	});

	it('Prospect > Get Import Status, given text with 200', async () => {
		emulator.injectFault({ path: '/v1/prospects/imports/*', malformed: true, body: 'OK' });

		const error = await kakiyo.fail({
			resource: 'prospect',
			operation: 'getImport',
			listId: 'list-1',
		});

		expect(error.message).toMatch(/with HTTP 200 but text instead of JSON/);
	});
});

describe('Do Not Contact answers come in their envelope', () => {
	it('are success with the "error" field Kakiyo prints on success, when data is there', async () => {
		emulator.injectFault({
			path: '/v1/dnc/check',
			status: 200,
			body: { error: '<unknown>', data: { onList: false } },
		});

		const [item] = await kakiyo.run({
			resource: 'doNotContact',
			operation: 'check',
			url: 'in/anadiaz',
		});

		expect(item.json).toEqual({ onList: false });
	});

	it('fail without their data object, saying what Kakiyo answered', async () => {
		emulator.injectFault({
			path: '/v1/dnc',
			status: 200,
			body: { error: 'rate_limited', message: 'Slow down' },
		});

		const error = await kakiyo.fail({
			resource: 'doNotContact',
			operation: 'create',
			url: 'in/anadiaz',
		});

		expect(error.message).toMatch(/with HTTP 200 but an error \(rate_limited\): Slow down$/);
	});

	it('fail as an HTML page', async () => {
		emulator.injectFault({ path: '/v1/dnc/check', malformed: true, body: page });

		const error = await kakiyo.fail({
			resource: 'doNotContact',
			operation: 'check',
			url: 'in/anadiaz',
		});

		expect(error.message).toMatch(/HTML page instead of JSON/);
	});
});

describe('an answer with no body', () => {
	it('is a change done: Agent > Pause answered 204 gives one item', async () => {
		const agentId = kit.team().agents[0].id;
		emulator.injectFault({
			path: `/v1/agents/${agentId}/pause`,
			malformed: true,
			status: 204,
			body: '',
		});

		const output = await kakiyo.run({
			resource: 'agent',
			operation: 'pause',
			agentId: byId(agentId),
		});

		expect(output).toHaveLength(1);
	});

	it('is no object for a read: Agent > Get answered 204 fails the item', async () => {
		const agentId = kit.team().agents[0].id;
		emulator.injectFault({ path: `/v1/agents/${agentId}`, malformed: true, status: 204, body: '' });

		const error = await kakiyo.fail({
			resource: 'agent',
			operation: 'get',
			agentId: byId(agentId),
		});

		expect(error.message).toMatch(/an empty answer instead of JSON/);
	});
});

describe('Webhook answers', () => {
	it('Delete accepts an answer with no body', async () => {
		emulator.injectFault({ path: '/v1/webhooks/abc', malformed: true, status: 204, body: '' });

		const output = await kakiyo.run({
			resource: 'webhook',
			operation: 'delete',
			webhookId: byId('abc'),
		});

		expect(output.map((item) => item.json)).toEqual([{ id: 'abc', deleted: true }]);
	});

	it('Create fails clearly when the answer names no webhook ID', async () => {
		emulator.injectFault({
			path: '/v1/webhooks',
			status: 201,
			body: { message: 'Webhook created successfully' },
		});

		const error = await kakiyo.fail({
			resource: 'webhook',
			operation: 'create',
			name: 'CRM',
			url: 'https://crm.example/kakiyo',
			events: ['*'],
		});

		expect(error.message).toBe("Kakiyo's answer to creating a webhook has no webhook ID");
	});
});

it('a list operation fails on an HTML page with 200 too', async () => {
	emulator.injectFault({ path: '/v1/agents', malformed: true, body: page });

	const error = await kakiyo.fail({ resource: 'agent', operation: 'getAll', returnAll: true });

	expect(error.message).toBe('Kakiyo answered the agents list in an unexpected shape');
});
