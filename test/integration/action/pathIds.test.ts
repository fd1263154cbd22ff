import type { INodeParameters } from 'n8n-workflow';
import { RESOURCES } from '../../../nodes/Kakiyo/Kakiyo.node';
import { useEmulator } from '../../support/emulator';
import { kakiyoAgainst } from './kakiyoRun';

/**
 * An ID goes into a request path, so an empty one, `.` or `..` would change which endpoint is
 * called (`DELETE /webhooks/..` is `DELETE /`). Every operation with an ID in its path refuses them
 * before calling Kakiyo: the node is an AI tool, and an agent may fill in anything.
 */
const emulator = useEmulator();
const kakiyo = kakiyoAgainst(() => emulator);

const withIds = RESOURCES.flatMap((resource) =>
	resource.operations
		.filter((operation) => operation.path.includes('{'))
		.map((operation) => ({
			resource: resource.value,
			operation: operation.value,
			ids: [...operation.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]),
		})),
);

it('covers every operation with an ID in its path', () => {
	expect(withIds.length).toBe(32);
});

describe.each(withIds)('$resource > $operation', ({ resource, operation, ids }) => {
	it.each(['', '  ', '.', '..'])('refuses the ID %j without calling Kakiyo', async (bad) => {
		const parameters: INodeParameters = { resource, operation };
		// Every other ID is a good one, so that the bad one is what is refused.
		for (const id of ids) parameters[id] = id === ids[ids.length - 1] ? bad : 'a1b2c3';

		const error = await kakiyo.fail({ ...parameters, ...required(resource, operation) });

		expect(error.message).toMatch(
			bad.trim() ? /^Invalid .*: ".{1,2}" is not an ID$/ : / is empty$/,
		);
		expect(emulator.requests()).toEqual([]);
	});
});

/** Values for the other required parameters, so that only the ID can fail. */
function required(resource: string, operation: string): INodeParameters {
	if (resource === 'agent' && operation === 'setup') {
		return { login: 'ana@example.com', password: 'example-password', country: 'US' };
	}
	if (operation === 'update') return { updateFields: { name: 'Renamed', start: '09:00' } };
	if (operation === 'updateCustomData') return { customData: 'notes' };
	return {};
}

it('leaves IDs that go in a JSON body to Kakiyo: Delete Many sends "." and "..", which Kakiyo reports not found', async () => {
	const output = await kakiyo.run({
		resource: 'prospect',
		operation: 'deleteMany',
		input: 'json',
		prospectIds: '., ..',
	});

	expect(emulator.requests().map(({ method, path, body }) => [method, path, body])).toEqual([
		['DELETE', '/v1/prospects', { prospectIds: ['.', '..'] }],
	]);
	expect(output[0].json.summary).toMatchObject({ requested: 2, successful: 0, failed: 2 });
});
