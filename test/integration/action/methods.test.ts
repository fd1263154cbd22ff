import { randomBytes } from 'node:crypto';
import { Kakiyo } from '../../../nodes/Kakiyo/Kakiyo.node';
import { EVENT_IDS } from '../../emulator';
import { useEmulator } from '../../support/emulator';
import { TestWorkflow } from '../../support/n8nRuntime';
import { kakiyoAgainst } from './kakiyoRun';
import { byId } from './wire/wireRow';

const emulator = useEmulator();
const kakiyo = kakiyoAgainst(() => emulator);
const node = new Kakiyo();

const context = (path: string, apiKey = emulator.apiKey) =>
	new TestWorkflow({
		nodeType: node,
		parameters: { resource: 'webhook', operation: 'get' },
		credentials: { apiKey, url: emulator.baseUrl },
	}).loadOptionsContext(path);

describe('the event picker of Get Example and Send Test', () => {
	const pick = (apiKey?: string) =>
		node.methods.loadOptions.getSingleEventOptions.call(context('parameters.event', apiKey));

	it("offers Kakiyo's events merged with the known ones, without the * wildcard", async () => {
		const values = (await pick()).map((option) => option.value);

		expect(values).toEqual(expect.arrayContaining([...EVENT_IDS]));
		expect(values).not.toContain('*');
		expect(kakiyo.calls()).toEqual([
			{ method: 'GET', path: '/v1/webhooks/test/events', status: 200 },
		]);
	});

	it('still offers the known events when Kakiyo refuses the key', async () => {
		const values = (await pick(randomBytes(20).toString('hex'))).map((option) => option.value);

		expect(values).toContain('linkedin.message.received');
		expect(values).not.toContain('*');
	});
});

describe('the webhook picker', () => {
	const search = (filter?: string) =>
		node.methods.listSearch.searchWebhooks.call(context('parameters.webhookId'), filter);
	let crm: string;
	let slack: string;

	beforeEach(async () => {
		[crm, slack] = await kakiyo.createWebhooks([
			{ name: 'CRM sync', url: 'https://crm.example/kakiyo' },
			{ name: 'Slack alerts', url: 'https://hooks.slack.example/k' },
		]);
	});

	it("lists the team's webhooks by name and URL, valued by ID", async () => {
		expect((await search()).results).toEqual([
			{ name: 'CRM sync (https://crm.example/kakiyo)', value: crm },
			{ name: 'Slack alerts (https://hooks.slack.example/k)', value: slack },
		]);
	});

	it('filters by name, URL or ID as the user types, and marks inactive webhooks', async () => {
		await kakiyo.run({
			resource: 'webhook',
			operation: 'update',
			webhookId: byId(slack),
			updateFields: { active: false },
		});

		expect((await search('SLACK')).results).toEqual([
			{ name: 'Slack alerts (https://hooks.slack.example/k) [inactive]', value: slack },
		]);
		expect((await search('crm.example')).results.map((result) => result.value)).toEqual([crm]);
		expect((await search(crm)).results.map((result) => result.value)).toEqual([crm]);
		expect((await search('nothing like it')).results).toEqual([]);
	});
});
