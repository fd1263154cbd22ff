import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { useEmulator } from '../../support/emulator';
import { kakiyoAgainst } from './kakiyoRun';
import { byId, WireKit } from './wire/wireRow';

/**
 * Input "One per Input Item" of Do Not Contact > Add Many, Prospect > Add Many and Prospect >
 * Delete Many (the default): many input items, few calls, and one output item per input item with
 * its own result, in n8n-core's real execute context against the emulator.
 */
const emulator = useEmulator();
const kakiyo = kakiyoAgainst(() => emulator);
let kit: WireKit;

beforeAll(() => {
	kit = new WireKit(emulator);
});

const addToDnc = { resource: 'doNotContact', operation: 'createMany', url: '={{ $json.url }}' };
const addProspects = {
	resource: 'prospect',
	operation: 'createMany',
	campaignId: byId('={{ $json.campaignId }}'),
	name: '={{ $json.name }}',
	url: '={{ $json.url }}',
};

/** The bodies of the calls to `path`, in order. */
const bodies = (method: string, path: string) =>
	emulator
		.requests()
		.filter((request) => request.method === method && request.path === path)
		.map((request) => request.body as IDataObject);

const pairing = (output: INodeExecutionData[]) =>
	output.map((item) => (item.pairedItem as { item: number }).item);

const range = (count: number) => Array.from({ length: count }, (_, index) => index);

/** The same person in each form Kakiyo documents as one profile, and forms it may also meet. */
const FORMS = [
	(slug: string) => `https://www.linkedin.com/in/${slug.toUpperCase()}/`,
	(slug: string) => `linkedin.com/in/${slug}`,
	(slug: string) => `in/${slug}`,
	(slug: string) => `https://uk.linkedin.com/in/${slug}?trk=profile`,
];

describe('Do Not Contact > Add Many', () => {
	it('sends 250 input items in 3 calls of at most 100, and gives each its own line of the answer, found by the normalised URL', async () => {
		await kit.call('POST', '/dnc', { url: 'in/person-9' });
		const urls = range(250).map((index) => FORMS[index % 4](`person-${index}`));
		urls[7] = 'https://example.com/not-a-profile';
		urls[8] = FORMS[1]('person-6'); // the profile of item 6 again, in another form
		emulator.clearRequests();

		const output = await kakiyo.run(addToDnc, { items: urls.map((url) => ({ url })) });

		const calls = bodies('POST', '/v1/dnc/batch');
		expect(calls.map(({ entries }) => (entries as unknown[]).length)).toEqual([100, 100, 50]);
		expect(calls.flatMap(({ entries }) => entries as IDataObject[])).toEqual(
			urls.map((url) => ({ url })),
		);
		expect(emulator.credits()).toBe(1 + 3);
		expect(pairing(output)).toEqual(range(250));
		const status = (index: number) => output[index].json;
		expect(status(0)).toEqual({ url: 'https://linkedin.com/in/person-0', status: 'added' });
		expect(status(3)).toEqual({ url: 'https://linkedin.com/in/person-3', status: 'added' });
		expect(status(6)).toEqual({ url: 'https://linkedin.com/in/person-6', status: 'added' });
		expect(status(7)).toEqual({
			url: 'https://example.com/not-a-profile',
			status: 'error',
			error: expect.any(String),
		});
		expect(status(8)).toEqual({ url: 'https://linkedin.com/in/person-6', status: 'duplicate' });
		expect(status(9)).toEqual({ url: 'https://linkedin.com/in/person-9', status: 'duplicate' });
		expect(status(249)).toEqual({ url: 'https://linkedin.com/in/person-249', status: 'added' });
		expect(output.filter(({ json }) => json.status === 'added')).toHaveLength(247);
	});

	it("fails only the item Kakiyo's answer has no line for, quoting the answer", async () => {
		emulator.injectFault({
			path: '/v1/dnc/batch',
			status: 201,
			body: {
				error: null,
				data: {
					added: 1,
					duplicates: 0,
					errors: 0,
					details: [{ url: 'https://linkedin.com/in/ana', status: 'added' }],
				},
			},
		});

		const output = await kakiyo.run(addToDnc, {
			items: [{ url: 'in/ana' }, { url: 'in/bo' }],
			continueOnFail: true,
		});

		expect(output.map(({ json }) => json)).toEqual([
			{ url: 'https://linkedin.com/in/ana', status: 'added' },
			{
				error: "Kakiyo's answer has no result for in/bo",
				description: expect.stringMatching(/^Kakiyo answered \{.*in\/ana.*\}\. The profile may/),
			},
		]);
		expect(pairing(output)).toEqual([0, 1]);
	});
});

describe('Prospect > Add Many', () => {
	const campaignOf = () => kit.team().campaigns[0].id;
	const people = (count: number) =>
		range(count).map((index) => ({
			campaignId: campaignOf(),
			name: `Person ${index}`,
			url: `https://www.linkedin.com/in/person-${index}`,
		}));

	it("sends 250 input items in 3 imports, each item with its import's list ID and its index in it", async () => {
		const output = await kakiyo.run(addProspects, { items: people(250) });

		const calls = bodies('POST', '/v1/prospects/batch');
		expect(calls.map(({ prospects }) => (prospects as unknown[]).length)).toEqual([100, 100, 50]);
		expect(calls[0].prospects).toEqual(people(100).map(({ name, url }) => ({ name, url })));
		const lists = kit.team().imports.map(({ listId }) => listId);
		expect(lists).toHaveLength(3);
		expect(pairing(output)).toEqual(range(250));
		expect(output[0].json).toEqual({
			message: 'Prospect import started',
			listId: lists[0],
			campaignId: campaignOf(),
			total: 100,
			index: 0,
		});
		expect(output[249].json).toMatchObject({ listId: lists[2], total: 50, index: 49 });
	});

	it('with Wait for Import gives each item its own row of its import report', async () => {
		const items = people(5);
		items[1].url = 'https://linkedin.com/in/johnsmith'; // already in the campaign (the seed)
		items[3].url = 'https://example.com/not-a-profile';

		const output = await kakiyo.run(
			{ ...addProspects, waitForImport: true, options: { batchSize: 2 } },
			{ items },
		);

		const [first, second, third] = kit.team().imports.map(({ listId }) => listId);
		const imported = (name: string) => kit.team().prospects.find((p) => p.name === name);
		expect(output.map(({ json }) => [json.listId, json.index, json.status])).toEqual([
			[first, 0, 'imported'],
			[first, 1, 'existing'],
			[second, 0, 'imported'],
			[second, 1, 'invalid'],
			[third, 0, 'imported'],
		]);
		expect(output[2].json).toEqual({
			listId: second,
			campaignId: campaignOf(),
			index: 0,
			inputUrl: items[2].url,
			linkedinSlug: 'person-2',
			status: 'imported',
			prospectId: imported('Person 2')?.id,
			chatId: imported('Person 2')?.chat.id,
			message: 'Prospect imported and enriched',
			chatCreated: true,
			customDataSaved: false,
		});
	});

	it('fails only the prospect the import report has no row for', async () => {
		emulator.injectFault({
			path: '/v1/prospects/imports/*',
			status: 200,
			body: {
				listId: 'list-1',
				status: 'completed',
				report: [{ index: 1, inputUrl: 'in/bo', status: 'imported' }],
			},
		});

		const output = await kakiyo.run(
			{ ...addProspects, waitForImport: true },
			{
				items: [
					{ campaignId: campaignOf(), name: 'Ana', url: 'in/ana' },
					{ campaignId: campaignOf(), name: 'Bo', url: 'https://www.linkedin.com/in/BO/' },
				],
				continueOnFail: true,
			},
		);

		expect(output.map(({ json }) => json)).toEqual([
			{
				error: "Kakiyo's import report list-1 has no row for in/ana",
				description: expect.stringContaining('Check the prospect later with Get Import Status'),
			},
			{ listId: 'list-1', index: 1, inputUrl: 'in/bo', status: 'imported' },
		]);
	});

	it('sends the items of each campaign together, and outputs them in input order', async () => {
		const second = await kit.campaign('Second campaign');
		const items = people(4).map((item, index) => ({
			...item,
			campaignId: index % 2 ? second : item.campaignId,
		}));

		const output = await kakiyo.run(addProspects, { items });

		expect(
			bodies('POST', '/v1/prospects/batch').map((body) => [body.campaignId, body.prospects]),
		).toEqual([
			[campaignOf(), [items[0], items[2]].map(({ name, url }) => ({ name, url }))],
			[second, [items[1], items[3]].map(({ name, url }) => ({ name, url }))],
		]);
		expect(output.map(({ json }) => [json.campaignId, json.index])).toEqual([
			[campaignOf(), 0],
			[second, 0],
			[campaignOf(), 1],
			[second, 1],
		]);
		expect(pairing(output)).toEqual([0, 1, 2, 3]);
	});
});

describe('Prospect > Delete Many', () => {
	it('gives each item its own line; an ID given by two items is sent once', async () => {
		const [john, sarah] = kit.team().prospects;
		const items = [john.id, 'no-such-prospect', sarah.id, john.id].map((prospectId) => ({
			prospectId,
		}));

		const output = await kakiyo.run(
			{
				resource: 'prospect',
				operation: 'deleteMany',
				prospectId: byId('={{ $json.prospectId }}'),
			},
			{ items },
		);

		expect(bodies('DELETE', '/v1/prospects')).toEqual([
			{ prospectIds: [john.id, 'no-such-prospect', sarah.id] },
		]);
		expect(output.map(({ json }) => [json.prospectId, json.status])).toEqual([
			[john.id, 'success'],
			['no-such-prospect', 'failed'],
			[sarah.id, 'success'],
			[john.id, 'success'],
		]);
		expect(kit.team().prospects).toEqual([]);
	});
});

describe('failures stay with their items', () => {
	const dncItems = (count: number) => range(count).map((index) => ({ url: `in/person-${index}` }));

	it('an item whose parameters are invalid fails alone and is not sent', async () => {
		const items = dncItems(4);
		items[2].url = '  ';

		const output = await kakiyo.run(addToDnc, { items, continueOnFail: true });

		expect(bodies('POST', '/v1/dnc/batch')).toEqual([{ entries: [items[0], items[1], items[3]] }]);
		expect(output.map(({ json }) => json.status ?? json.error)).toEqual([
			'added',
			'added',
			'LinkedIn URL is empty',
			'added',
		]);
		expect(pairing(output)).toEqual([0, 1, 2, 3]);
	});

	it('without Continue On Fail, an invalid item fails the run before any call, naming the item', async () => {
		const items = dncItems(4);
		items[2].url = '';

		const error = await kakiyo.fail(addToDnc, { items });

		expect(error.message).toBe('LinkedIn URL is empty');
		expect((error.context as IDataObject).itemIndex).toBe(2);
		expect(emulator.requests()).toEqual([]);
	});

	it("a call Kakiyo refuses fails the items it carried, and the other calls' items carry on", async () => {
		emulator.injectFault({
			path: '/v1/dnc/batch',
			status: 400,
			body: { error: 'validation_error', message: 'Injected refusal' },
		});

		const output = await kakiyo.run(
			{ ...addToDnc, options: { batchSize: 2 } },
			{ items: dncItems(5), continueOnFail: true },
		);

		expect(bodies('POST', '/v1/dnc/batch')).toHaveLength(3);
		expect(output.map(({ json }) => json.status ?? json.error)).toEqual([
			'Kakiyo refused the request: Injected refusal',
			'Kakiyo refused the request: Injected refusal',
			'added',
			'added',
			'added',
		]);
		expect(output[0].json).toMatchObject({ httpCode: '400' });
	});

	it('without Continue On Fail, a refused call ends the run, naming its first item', async () => {
		emulator.injectFault({ path: '/v1/dnc/batch', status: 400 });

		const error = await kakiyo.fail(
			{ ...addToDnc, options: { batchSize: 2 } },
			{ items: dncItems(5) },
		);

		expect((error.context as IDataObject).itemIndex).toBe(0);
		expect(bodies('POST', '/v1/dnc/batch')).toHaveLength(1);
	});
});

describe('a workflow saved without Input (none was released with the list as the default)', () => {
	it.each([
		[
			'Prospect > Add Many',
			{
				resource: 'prospect',
				operation: 'createMany',
				campaignId: byId('={{ $json.campaignId }}'),
				prospects: '[{"name": "Ana", "url": "in/ana"}]',
			},
			'Name is empty',
		],
		[
			'Do Not Contact > Add Many',
			{ resource: 'doNotContact', operation: 'createMany', urls: 'in/ana, in/bo' },
			'LinkedIn URL is empty',
		],
		[
			'Prospect > Delete Many',
			{ resource: 'prospect', operation: 'deleteMany', prospectIds: 'id-1, id-2' },
			'Prospect is empty',
		],
	])(
		'%s runs one entry per input item, the default: its saved list alone fails the item before any call',
		async (_name, parameters, message) => {
			const error = await kakiyo.fail(parameters, {
				items: [{ campaignId: kit.team().campaigns[0].id }],
			});

			expect(error.message).toBe(message);
			expect(emulator.requests()).toEqual([]);
		},
	);
});

describe('Batch Size', () => {
	it('sets the entries per call', async () => {
		const items = range(5).map((index) => ({ prospectId: `id-${index}` }));

		await kakiyo.run(
			{
				resource: 'prospect',
				operation: 'deleteMany',
				prospectId: byId('={{ $json.prospectId }}'),
				options: { batchSize: 2 },
			},
			{ items },
		);

		expect(bodies('DELETE', '/v1/prospects').map(({ prospectIds }) => prospectIds)).toEqual([
			['id-0', 'id-1'],
			['id-2', 'id-3'],
			['id-4'],
		]);
	});

	// The range is the one every numeric parameter has at run time; a fraction is this option's own.
	const outOfRange = (value: number) => ({
		error: 'Batch Size must be from 1 to 100',
		description: `It is ${value}. n8n checks the range only in the editor; an expression or an AI agent gave this value.`,
	});
	it.each([
		[101, outOfRange(101)],
		[0, outOfRange(0)],
		[
			2.5,
			{
				error: 'Batch Size must be a whole number from 1 to 100 (got 2.5)',
				description: 'Kakiyo takes at most 100 entries in one call.',
			},
		],
		['ten', { error: 'Batch Size must be a number' }],
	])(
		'refuses %j at run time, which an expression or an AI agent can give, before any call',
		async (size, refusal) => {
			const output = await kakiyo.run(
				{ ...addToDnc, options: { batchSize: '={{ $json.size }}' } },
				{ items: [{ url: 'in/ana', size }], continueOnFail: true },
			);

			expect(output.map(({ json }) => json)).toEqual([refusal]);
			expect(emulator.requests()).toEqual([]);
		},
	);
});
