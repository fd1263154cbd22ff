import { randomBytes } from 'node:crypto';
import type { INodeParameters } from 'n8n-workflow';
import { EVENT_CATALOGUE, examplePayload } from '../../emulator';
import { useEmulator } from '../../support/emulator';
import { ScriptedServer } from '../../support/scriptedServer';
import { jsonAndPairing, kakiyoAgainst } from './kakiyoRun';

const emulator = useEmulator({ retryDelaysMs: [] });
const kakiyo = kakiyoAgainst(() => emulator);
const receiver = new ScriptedServer();

beforeAll(async () => {
	await receiver.start();
});
afterAll(async () => {
	await receiver.close();
});
beforeEach(() => {
	receiver.answer({ status: 200, body: { ok: true } });
});

const eventOperation = (operation: string, parameters: INodeParameters = {}) => ({
	resource: 'webhookEvent',
	operation,
	...parameters,
});
const UNKNOWN_EVENT_MESSAGE =
	'Kakiyo refused the request: Invalid event type: lead.teleported. See GET /webhooks/test/events for the supported events.';

describe('Webhook Event > Get Many', () => {
	it('calls GET /webhooks/test/events and outputs one item per event, for every input item', async () => {
		const output = await kakiyo.run(eventOperation('getAll'), { items: [{ n: 1 }, { n: 2 }] });

		expect(kakiyo.calls()).toEqual([
			{ method: 'GET', path: '/v1/webhooks/test/events', status: 200 },
			{ method: 'GET', path: '/v1/webhooks/test/events', status: 200 },
		]);
		expect(jsonAndPairing(output)).toEqual([
			...EVENT_CATALOGUE.map((event) => ({ json: event, pairedItem: { item: 0 } })),
			...EVENT_CATALOGUE.map((event) => ({ json: event, pairedItem: { item: 1 } })),
		]);
	});
});

describe('Webhook Event > Get Example', () => {
	it('calls GET /webhooks/test/example/{event} with the event of each item', async () => {
		const output = await kakiyo.run(eventOperation('getExample', { event: '={{ $json.event }}' }), {
			items: [{ event: 'linkedin.message.received' }, { event: 'prospect.qualified' }],
		});

		expect(kakiyo.calls()).toEqual([
			{ method: 'GET', path: '/v1/webhooks/test/example/linkedin.message.received', status: 200 },
			{ method: 'GET', path: '/v1/webhooks/test/example/prospect.qualified', status: 200 },
		]);
		expect(jsonAndPairing(output)).toEqual([
			{ json: examplePayload('linkedin.message.received'), pairedItem: { item: 0 } },
			{ json: examplePayload('prospect.qualified'), pairedItem: { item: 1 } },
		]);
	});

	it('fails clearly for an event Kakiyo does not know', async () => {
		const error = await kakiyo.fail(eventOperation('getExample', { event: 'lead.teleported' }));

		expect(error.message).toBe(UNKNOWN_EVENT_MESSAGE);
		expect(error.description).toMatch(/event names/);
		expect(error.httpCode).toBe('400');
		expect(kakiyo.calls()).toEqual([
			{ method: 'GET', path: '/v1/webhooks/test/example/lead.teleported', status: 400 },
		]);
	});

	it('names the missing example when Kakiyo answers 404', async () => {
		emulator.injectFault({
			path: '/v1/webhooks/test/example/*',
			status: 404,
			body: { error: 'not_found', message: 'Event not found' },
		});
		const error = await kakiyo.fail(eventOperation('getExample', { event: 'lead.teleported' }));

		expect(error.message).toBe(
			'Kakiyo could not find an example for the event "lead.teleported": Event not found',
		);
	});

	it('refuses an empty event before calling Kakiyo', async () => {
		const error = await kakiyo.fail(
			eventOperation('getExample', { event: '={{ $json.missing }}' }),
		);

		expect(error.message).toBe('Event Name or ID is empty');
		expect(kakiyo.calls()).toEqual([]);
	});
});

describe('Webhook Event > Send Test', () => {
	it("POSTs {event} to /webhooks/test and outputs Kakiyo's answer; Kakiyo delivers to subscribers", async () => {
		await kakiyo.createWebhooks([
			{ name: 'Receiver', url: `${receiver.baseUrl}/hook`, events: ['linkedin.message.sent'] },
		]);

		const output = await kakiyo.run(eventOperation('sendTest', { event: '={{ $json.event }}' }), {
			items: [{ event: 'linkedin.message.sent' }, { event: 'campaign.completed' }],
		});
		await emulator.idle();

		expect(kakiyo.calls()).toEqual([
			{ method: 'POST', path: '/v1/webhooks', status: 201 },
			{ method: 'POST', path: '/v1/webhooks/test', status: 200 },
			{ method: 'POST', path: '/v1/webhooks/test', status: 200 },
		]);
		expect(jsonAndPairing(output)).toEqual([
			{
				json: {
					success: true,
					event: 'linkedin.message.sent',
					message: 'Test event sent to 1 webhook(s)',
					webhooks: 1,
				},
				pairedItem: { item: 0 },
			},
			{
				json: {
					success: true,
					event: 'campaign.completed',
					message: 'Test event sent to 0 webhook(s)',
					webhooks: 0,
				},
				pairedItem: { item: 1 },
			},
		]);
		expect(receiver.calls.map((call) => JSON.parse(call.body).event)).toEqual([
			'linkedin.message.sent',
		]);
	});

	it('fails clearly for an event Kakiyo does not know', async () => {
		const error = await kakiyo.fail(eventOperation('sendTest', { event: 'lead.teleported' }));

		expect(error.message).toBe(UNKNOWN_EVENT_MESSAGE);
		expect(kakiyo.calls()).toEqual([{ method: 'POST', path: '/v1/webhooks/test', status: 400 }]);
	});
});

describe('errors', () => {
	it.each(['getAll', 'getExample', 'sendTest'])(
		'%s explains a rejected API key (401)',
		async (operation) => {
			const error = await kakiyo.fail(eventOperation(operation, { event: 'message.sent' }), {
				apiKey: randomBytes(20).toString('hex'),
			});

			expect(error.message).toMatch(/^Kakiyo rejected the API key: Invalid API key/);
			expect(error.description).toMatch(/Check the API key in the Kakiyo API credential/);
			expect(error.httpCode).toBe('401');
			expect((error.context as { itemIndex?: number }).itemIndex).toBe(0);
			expect(kakiyo.calls()).toHaveLength(1);
		},
	);

	it("with Continue On Fail, puts Kakiyo's message in the failing item and carries on", async () => {
		const output = await kakiyo.run(eventOperation('getExample', { event: '={{ $json.event }}' }), {
			items: [
				{ event: 'prospect.responded' },
				{ event: 'lead.teleported' },
				{ event: 'message.sent' },
			],
			continueOnFail: true,
		});

		expect(jsonAndPairing(output)).toEqual([
			{ json: examplePayload('prospect.responded'), pairedItem: { item: 0 } },
			{
				json: {
					error: UNKNOWN_EVENT_MESSAGE,
					description: expect.stringMatching(/event names/),
					httpCode: '400',
				},
				pairedItem: { item: 1 },
			},
			{ json: examplePayload('message.sent'), pairedItem: { item: 2 } },
		]);
	});

	it('without Continue On Fail, stops at the failing item and names it', async () => {
		const error = await kakiyo.fail(eventOperation('getExample', { event: '={{ $json.event }}' }), {
			items: [{ event: 'prospect.responded' }, { event: 'lead.teleported' }],
		});

		expect(error.message).toBe(UNKNOWN_EVENT_MESSAGE);
		expect((error.context as { itemIndex?: number }).itemIndex).toBe(1);
	});
});
