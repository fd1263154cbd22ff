import type { INodeParameters } from 'n8n-workflow';
import { useEmulator } from '../../support/emulator';
import { kakiyoAgainst } from './kakiyoRun';
import { WireKit } from './wire/wireRow';

/**
 * Campaign variables are sent only when the user gave at least one: the Variables option added
 * with no row (n8n saves `{}`) or only nameless rows is not a change, so Kakiyo keeps the campaign's
 * variables, and an update with nothing else fails before spending a credit.
 */
let kit: WireKit;
const emulator = useEmulator();
const kakiyo = kakiyoAgainst(() => emulator);

beforeAll(() => {
	kit = new WireKit(emulator);
});

const bodies = () => emulator.requests().map((request) => request.body);
const seeded = () => kit.team().campaigns[0];

const update = (updateFields: INodeParameters): INodeParameters => ({
	resource: 'campaign',
	operation: 'update',
	campaignId: seeded().id,
	updateFields,
});

const create = (additionalFields: INodeParameters): INodeParameters => {
	const team = kit.team();
	return {
		resource: 'campaign',
		operation: 'create',
		name: 'Spring push',
		productId: team.products[0].id,
		promptId: team.prompts[0].id,
		agentId: team.agents[0].id,
		additionalFields,
	};
};

const unset: Array<[string, INodeParameters]> = [
	['added with no row', {}],
	['with an empty row list', { variable: [] }],
	['with only a nameless row', { variable: [{ name: ' ', value: 'churn' }] }],
];

describe('Campaign > Update', () => {
	it.each(unset)(
		'Variables %s alone is nothing to update, and calls nothing',
		async (_case, variables) => {
			const error = await kakiyo.fail(update({ variables }));

			expect(error.message).toBe('Nothing to update');
			expect(emulator.requests()).toEqual([]);
		},
	);

	it.each(unset)(
		"Variables %s beside a name sends the name only; the campaign's variables stay",
		async (_case, variables) => {
			const before = seeded().variables;

			await kakiyo.run(update({ name: 'Renamed', variables }));

			expect(bodies()).toEqual([{ name: 'Renamed' }]);
			expect(seeded()).toMatchObject({ name: 'Renamed', variables: before });
		},
	);

	it('sends the rows as an object of names and values', async () => {
		const variable = [
			{ name: 'painPoint', value: 'churn' },
			{ name: 'benefit', value: '' },
		];

		await kakiyo.run(update({ variables: { variable } }));

		expect(bodies()).toEqual([{ variables: { painPoint: 'churn', benefit: '' } }]);
	});

	it('an expression for the whole option reaches the node as no row (n8n keeps rows only): nothing is sent', async () => {
		const error = await kakiyo.fail(update({ variables: '={{ { painPoint: $json.pain } }}' }), {
			items: [{ pain: 'churn' }],
		});

		expect(error.message).toBe('Nothing to update');
		expect(emulator.requests()).toEqual([]);
	});
});

describe('Campaign > Create', () => {
	it.each(unset)('Variables %s sends no variables', async (_case, variables) => {
		await kakiyo.run(create({ variables }));

		expect(bodies()).toEqual([
			{
				name: 'Spring push',
				productId: kit.team().products[0].id,
				promptId: kit.team().prompts[0].id,
				agentId: kit.team().agents[0].id,
			},
		]);
	});
});
