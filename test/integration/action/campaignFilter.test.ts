import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { useEmulator } from '../../support/emulator';
import { kakiyoAgainst } from './kakiyoRun';
import { byId, fromList, WireKit } from './wire/wireRow';

/**
 * The campaign filter of Prospect > Search and the campaign safety check of Prospect > Delete Many
 * are campaign pickers (list or ID), read like every other picked ID: the campaign's ID is sent, and
 * a filter added but left empty is refused before any call rather than dropped.
 */
let kit: WireKit;
const emulator = useEmulator();
const kakiyo = kakiyoAgainst(() => emulator);

beforeAll(() => {
	kit = new WireKit(emulator);
});

const seeded = () => kit.team().campaigns[0];

const operations: Array<[string, (campaignId: INodeParameters | string) => INodeParameters]> = [
	[
		'Search',
		(campaignId) => ({
			resource: 'prospect',
			operation: 'search',
			returnAll: true,
			filters: { campaignId },
		}),
	],
	[
		'Delete Many',
		(campaignId) => ({
			resource: 'prospect',
			operation: 'deleteMany',
			input: 'json',
			prospectIds: 'no-such-prospect',
			additionalFields: { campaignId },
		}),
	],
];

describe.each(operations)('Prospect > %s', (_name, parameters) => {
	it('sends the ID of the campaign picked from the list', async () => {
		await kakiyo.run(parameters(fromList(seeded().id)));

		const [request] = emulator.requests();
		expect({ ...request.query, ...(request.body as IDataObject) }).toMatchObject({
			campaignId: seeded().id,
		});
	});

	it.each([
		['left empty', fromList('')],
		['given by an expression that finds no ID', byId('={{ $json.campaignId }}')],
		['given as a bare expression that finds no ID', '={{ $json.campaignId }}'],
	])('refuses the campaign filter added but %s, without calling Kakiyo', async (_case, value) => {
		const error = await kakiyo.fail(parameters(value));

		expect(error.message).toBe('Campaign is empty');
		expect(error.description).toBe(
			'Pick one from the list, or give its ID (for example from an expression).',
		);
		expect(emulator.requests()).toEqual([]);
	});
});
