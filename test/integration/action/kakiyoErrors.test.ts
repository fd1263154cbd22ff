import { useEmulator, withEmulator } from '../../support/emulator';
import { generateApiKey } from '../../emulator/auth';
import { kakiyoAgainst } from './kakiyoRun';
import { WireKit } from './wire/wireRow';

/**
 * Kakiyo's refusals as the user meets them: what Kakiyo said, and the step that gets past it. Each
 * case brings the emulator into the state the real API refuses (an active campaign, a running agent,
 * a listed profile…), rather than scripting the answer.
 */
const otherTeamKey = generateApiKey();
let kit: WireKit;
const emulator = useEmulator({ otherTeam: { apiKeys: [otherTeamKey] } });
const kakiyo = kakiyoAgainst(() => emulator);

beforeAll(async () => {
	kit = new WireKit(emulator);
});

const team = () => kit.team();

it('deleting an active campaign says to pause it first', async () => {
	const error = await kakiyo.fail({
		resource: 'campaign',
		operation: 'delete',
		campaignId: team().campaigns[0].id,
	});

	expect(error.message).toBe(
		'Kakiyo refused to delete an active campaign: Cannot delete active campaign. Please pause the campaign first.',
	);
	expect(error.description).toMatch(/^Pause the campaign first \(Campaign > Pause\)/);
	expect(error.httpCode).toBe('409');
	expect(team().campaigns).toHaveLength(1);
});

it('deleting a prospect whose conversation is active says to pause the conversation', async () => {
	const error = await kakiyo.fail({
		resource: 'prospect',
		operation: 'delete',
		prospectId: team().prospects[0].id,
	});

	expect(error.message).toMatch(
		/^Kakiyo refused to delete a prospect whose conversation is active: Cannot delete prospect/,
	);
	expect(error.description).toMatch(/^Pause the prospect's conversation first/);
});

it.each([
	['relaunch', 'running', /only an agent whose status is "ended"/i],
	['delete', 'paused', /only an agent whose status is "ended"/i],
	['pause', 'setup_needed', /only a running agent can be paused/i],
	['resume', 'setup_needed', /only a paused agent can be resumed/i],
	['setup', 'ended', /relaunch an ended agent first/i],
])(
	'an agent %s refused for status %s names that status and what is needed',
	async (operation, status, hint) => {
		const agentId = await kit.agent(status as 'running');

		const error = await kakiyo.fail({
			resource: 'agent',
			operation,
			agentId,
			login: 'ana@example.com',
			password: 'example-password',
			country: 'US',
		});

		expect(error.message).toMatch(new RegExp(`^Kakiyo refused: the agent is "${status}"`));
		expect(error.description).toMatch(hint);
	},
);

it('adding a listed profile to Do Not Contact says it is already there', async () => {
	await kit.call('POST', '/dnc', { url: 'in/anadiaz' });

	const error = await kakiyo.fail({
		resource: 'doNotContact',
		operation: 'create',
		url: 'https://www.linkedin.com/in/AnaDiaz/',
	});

	expect(error.message).toMatch(/^Kakiyo already has this/);
	expect(error.description).toMatch(/already on the Do Not Contact list; nothing was changed/);
});

it('a workspace call on a plan without workspaces names the Agency plan', async () => {
	await withEmulator({ plan: 'standard' }, async (standard) => {
		const error = await kakiyo.fail(
			{ resource: 'workspace', operation: 'getAll', returnAll: true },
			{ baseUrl: standard.baseUrl, apiKey: standard.apiKey },
		);

		expect(error.message).toBe("Workspaces need Kakiyo's Agency plan: Agency plan required");
		expect(error.description).toMatch(/^Upgrade the team to the Agency plan/);
	});
});

it("another team's object is refused as such", async () => {
	const theirs = emulator.state().teams[1].agents[0].id;

	const error = await kakiyo.fail({ resource: 'agent', operation: 'get', agentId: theirs });

	expect(error.message).toBe('This API key may not do that: You do not have access to this agent');
	expect(error.httpCode).toBe('403');
});

it('an unknown ID names what was not found', async () => {
	const error = await kakiyo.fail({ resource: 'prospect', operation: 'qualify', chatId: 'nope' });

	expect(error.message).toBe('Kakiyo could not find conversation "nope": Prospect not found');
	expect(error.httpCode).toBe('404');
});

it("a value Kakiyo refuses is reported with Kakiyo's reason", async () => {
	const error = await kakiyo.fail({
		resource: 'campaign',
		operation: 'update',
		campaignId: team().campaigns[0].id,
		// Inside the declared 0-100 (outside it the node refuses before calling), but no whole number.
		updateFields: { qualificationAutomatic: 70.5 },
	});

	expect(error.message).toMatch(/^Kakiyo refused the request: .*qualificationAutomatic/);
	expect(error.httpCode).toBe('400');
});

it('running out of credits says what to do', async () => {
	emulator.injectFault({
		path: '/v1/models',
		status: 403,
		body: { error: 'insufficient_credits', message: 'Not enough credits' },
	});

	const error = await kakiyo.fail({ resource: 'model', operation: 'getAll', returnAll: true });

	expect(error.message).toBe('The Kakiyo team has no credits left: Not enough credits');
	expect(error.description).toMatch(/^Every Kakiyo API call costs one credit/);
});
