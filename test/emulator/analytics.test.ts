import { useEmulator, withEmulator } from '../support/emulator';
import { clientsOf } from './testKit';

const emulator = useEmulator();
const { api } = clientsOf(() => emulator);
const team = () => emulator.state().teams[0];
const campaign = () => team().campaigns[0];
const sarah = () => team().prospects.find((p) => p.name === 'Sarah Lee')!;
const today = () => new Date().toISOString().slice(0, 10);

it("the overview is computed from the team's state, and follows it", async () => {
	const before = await api('/analytics/overview');
	expect(before.json).toEqual({
		totalProspects: 2,
		invitationsSent: 2,
		connectionsMade: 1,
		connectionRate: 50,
		totalMessages: 2,
		totalAnswers: 1,
		responseRate: 50,
		totalQualified: 0,
		qualificationRate: 0,
		campaigns: 1,
		agents: 1,
	});
	await emulator.reply(sarah().chat.id, 'Yes, tell me more');
	await api(`/prospects/${sarah().chat.id}/qualify`, { method: 'POST' });
	const after = await api('/analytics/overview');
	expect(after.json).toMatchObject({
		connectionsMade: 2,
		connectionRate: 100,
		totalMessages: 3,
		totalAnswers: 2,
		responseRate: 100,
		totalQualified: 1,
		qualificationRate: 50,
	});
});

it("a campaign's analytics have the documented shape, counted from its chats", async () => {
	await emulator.reply(sarah().chat.id, 'Interested');
	await api(`/prospects/${sarah().chat.id}/qualify`, { method: 'POST' });
	const reply = await api(`/analytics/campaigns/${campaign().id}`);
	expect(reply.json).toEqual({
		campaign: {
			id: campaign().id,
			name: campaign().name,
			status: 'active',
			createdAt: campaign().createdAt,
			agent: campaign().agentId,
			product: team().products[0].name,
		},
		metrics: {
			totalProspects: 2,
			totalMessages: 3,
			totalQualified: 1,
			totalAnswers: 2,
			totalClosed: 0,
			conversionRate: 50,
			responseRate: 100,
			qualificationRate: 50,
			averageMessagesPerProspect: 1.5,
		},
		activity: {
			dailyBreakdown: [{ date: today(), messages: 1, responses: 2, qualified: 1 }],
			last7Days: { messages: 1, responses: 2, qualified: 1 },
		},
		statusDistribution: { pending: 0, contacted: 0, responded: 1, qualified: 1, closed: 0 },
		qualificationBreakdown: { pending: 1, qualified: 1, disqualified: 0 },
	});
});

it('an unknown campaign is 404', async () => {
	const reply = await api('/analytics/campaigns/0123456789abcdef0123');
	expect([reply.status, reply.json]).toEqual([
		404,
		{ error: 'not_found', message: 'Campaign not found' },
	]);
});

it('an empty team has zero rates, not NaN', async () => {
	await withEmulator({ seed: false }, async (empty) => {
		const reply = await clientsOf(() => empty).api('/analytics/overview');
		expect(reply.json).toMatchObject({ totalProspects: 0, connectionRate: 0, responseRate: 0 });
	});
});
