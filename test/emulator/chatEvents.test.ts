import { useEmulator } from '../support/emulator';
import { startScriptedServer, type ScriptedServer } from '../support/scriptedServer';
import { waitFor } from '../support/waitFor';
import { clientsOf, ISO_TIME, newApiKey, signedPayloads } from './testKit';

const SECRET = 'chat-events-secret';
const otherKey = newApiKey();
let receiver: ScriptedServer;
const emulator = useEmulator({ retryDelaysMs: [], otherTeam: { apiKeys: [otherKey] } });
const { api, control } = clientsOf(() => emulator);
const team = () => emulator.state().teams[0];
const john = () => team().prospects.find((p) => p.name === 'John Smith')!;
const sarah = () => team().prospects.find((p) => p.name === 'Sarah Lee')!;

beforeAll(async () => {
	receiver = await startScriptedServer();
});
afterAll(async () => {
	await receiver.close();
});
beforeEach(async () => {
	receiver.calls.length = 0;
	await api('/webhooks', {
		method: 'POST',
		body: { name: 'Trigger', url: receiver.url('/hook'), events: ['*'], secret: SECRET },
	});
});

describe('qualify fires prospect.qualified', () => {
	it('with a signed payload in the API-reference vocabulary, built from the chat', async () => {
		const prospect = sarah();
		const campaign = team().campaigns[0];
		const reply = await api(`/prospects/${prospect.chat.id}/qualify`, { method: 'POST' });
		expect(reply.status).toBe(200);
		await emulator.idle();
		const [payload] = signedPayloads(receiver, SECRET);
		expect(payload).toEqual({
			event: 'prospect.qualified',
			timestamp: expect.stringMatching(ISO_TIME),
			data: {
				prospect: {
					id: prospect.id,
					name: 'Sarah Lee',
					headline: 'Head of Growth at Globex',
					url: 'https://linkedin.com/in/sarahlee',
					location: null,
					qualification: 'qualified',
					qualifiedAt: sarah().chat.qualifiedAt,
					qualifiedBy: campaign.agentId,
				},
				campaign: { id: campaign.id, name: campaign.name },
				conversation: {
					id: prospect.chat.id,
					messageCount: 0,
					lastMessage: null,
					lastActivity: null,
				},
			},
			team: { id: team().id, name: team().name },
		});
		expect(receiver.calls).toHaveLength(1);
	});

	it("goes to the prospect's own team only", async () => {
		const theirs = emulator.state().teams[1].prospects[0];
		await api(`/prospects/${theirs.chat.id}/qualify`, { method: 'POST', key: otherKey });
		await emulator.idle();
		expect(receiver.calls).toHaveLength(0);
	});
});

describe('a reply fires linkedin.message.received', () => {
	it('in-process: the message joins the chat; the payload carries its ids', async () => {
		const prospect = sarah();
		const campaign = team().campaigns[0];
		const result = await emulator.reply(prospect.chat.id, 'Sounds interesting, send details.');
		expect(result).toEqual({
			event: 'linkedin.message.received',
			webhooks: 1,
			deliveries: [expect.objectContaining({ delivered: true, status: 200 })],
		});
		const [payload] = signedPayloads(receiver, SECRET);
		expect(payload).toEqual({
			event: 'linkedin.message.received',
			teamId: team().id,
			timestamp: expect.stringMatching(ISO_TIME),
			data: {
				agentId: campaign.agentId,
				campaignId: campaign.id,
				chatId: prospect.chat.id,
				prospectId: prospect.id,
				message: 'Sounds interesting, send details.',
				timestamp: payload.timestamp,
			},
		});
		expect(sarah().chat).toMatchObject({
			status: 2,
			lastMessage: expect.stringMatching(ISO_TIME),
			messages: [
				{ role: 'user', content: 'Sounds interesting, send details.', date: expect.any(String) },
			],
		});
		const conversation = await api(`/prospects/${prospect.chat.id}`);
		expect(conversation.json.messages).toHaveLength(1);
	});

	it('over the control plane, from a prospectId too', async () => {
		const reply = await control(`/chats/${john().id}/reply`, {
			method: 'POST',
			body: { message: 'Can we talk Tuesday?' },
		});
		expect(reply.json).toMatchObject({ event: 'linkedin.message.received', webhooks: 1 });
		const [payload] = signedPayloads(receiver, SECRET);
		expect(payload.data).toMatchObject({ chatId: john().chat.id, message: 'Can we talk Tuesday?' });
		expect(john().chat.messages).toHaveLength(3);
	});

	it('refuses an empty message (400) or an unknown chat (404)', async () => {
		const empty = await control(`/chats/${john().chat.id}/reply`, {
			method: 'POST',
			body: { message: ' ' },
		});
		const unknown = await control('/chats/nope/reply', { method: 'POST', body: { message: 'hi' } });
		expect([empty.status, unknown.status]).toEqual([400, 404]);
		await expect(emulator.reply('nope', 'hi')).rejects.toThrow('Prospect not found');
		expect(receiver.calls).toHaveLength(0);
	});
});

describe('an accepted invitation fires linkedin.invitation.accepted', () => {
	it('in-process and over the control plane, the chat connected', async () => {
		const prospect = sarah();
		const result = await emulator.acceptInvitation(prospect.chat.id);
		expect(result).toMatchObject({ event: 'linkedin.invitation.accepted', webhooks: 1 });
		expect(sarah().chat.status).toBe(2);
		const over = await control(`/chats/${prospect.chat.id}/accept`, { method: 'POST' });
		expect(over.status).toBe(200);
		const payloads = signedPayloads(receiver, SECRET);
		expect(payloads).toHaveLength(2);
		expect(payloads[0]).toEqual({
			event: 'linkedin.invitation.accepted',
			teamId: team().id,
			timestamp: expect.stringMatching(ISO_TIME),
			data: {
				agentId: team().campaigns[0].agentId,
				campaignId: team().campaigns[0].id,
				chatId: prospect.chat.id,
				prospectId: prospect.id,
				timestamp: payloads[0].timestamp,
			},
		});
	});

	it('each successful delivery costs 2 credits', async () => {
		const before = emulator.credits();
		await emulator.acceptInvitation(sarah().chat.id);
		await waitFor(() => emulator.credits() === before + 2, {
			what: 'the delivery to be charged',
			timeoutMs: 5000,
			intervalMs: 5,
		});
		expect(emulator.credits()).toBe(before + 2);
	});
});
