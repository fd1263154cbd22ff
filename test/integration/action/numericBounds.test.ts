import type { INodeParameters, INodeProperties } from 'n8n-workflow';
import { RESOURCES } from '../../../nodes/Kakiyo/Kakiyo.node';
import { ownProperties } from '../../../nodes/Kakiyo/engine/describe';
import { useEmulator } from '../../support/emulator';
import { kakiyoAgainst } from './kakiyoRun';

/**
 * Issue 16, finding 5: n8n checks `minValue` and `maxValue` in the editor only, so an expression or an
 * AI agent (`$fromAI`) passed any number. Every declared range is enforced at run time, before the
 * first call: nothing is sent, no credit is spent.
 */

const emulator = useEmulator();
const kakiyo = kakiyoAgainst(() => emulator);

const campaignOf = () => emulator.state().teams[0].campaigns[0].id;

it("refuses Wait for Import's maximum wait of 1e8 s before starting the import or polling", async () => {
	const error = await kakiyo.fail(
		{
			resource: 'prospect',
			operation: 'create',
			campaignId: campaignOf(),
			name: 'Ana Diaz',
			url: 'https://www.linkedin.com/in/anadiaz',
			waitForImport: true,
			maxWaitSeconds: '={{ 1e8 }}',
		},
		{ items: [{}] },
	);

	expect(error.message).toBe('Max Wait (Seconds) must be from 1 to 3600');
	expect(error.description).toMatch(/^It is 100000000\. n8n checks the range only in the editor/);
	expect(kakiyo.calls()).toEqual([]);
});

it('runs a number inside its range, and fails only the item outside it with Continue On Fail', async () => {
	const output = await kakiyo.run(
		{
			resource: 'agent',
			operation: 'update',
			agentId: { __rl: true, mode: 'id', value: emulator.state().teams[0].agents[0].id },
			updateFields: { invitationsMax: '={{ $json.max }}' },
		},
		{ items: [{ max: 50 }, { max: 1000 }], continueOnFail: true },
	);

	expect(output[1].json).toMatchObject({ error: 'Invitations Max must be from 2 to 100' });
	expect(output[0].json).not.toHaveProperty('error');
	expect(kakiyo.calls().map(({ method }) => method)).toEqual(['PUT']);
});

/** Every number an operation declares (a parameter or a collection's field), with what shows it. */
function declaredNumbers(properties: INodeProperties[]) {
	const found: Array<{ path: string[]; property: INodeProperties; shownBy: INodeParameters }> = [];
	for (const property of properties) {
		const shownBy: INodeParameters = {};
		for (const [name, values] of Object.entries(property.displayOptions?.show ?? {})) {
			shownBy[name] = (values as boolean[])[0];
		}
		if (property.type === 'number') found.push({ path: [property.name], property, shownBy });
		if (property.type !== 'collection') continue;
		for (const option of (property.options ?? []) as INodeProperties[]) {
			if (option.type === 'number') {
				found.push({ path: [property.name, option.name], property: option, shownBy });
			}
		}
	}
	return found;
}

const cases = RESOURCES.flatMap((resource) =>
	resource.operations.flatMap((operation) =>
		declaredNumbers(ownProperties(operation)).flatMap(({ path, property, shownBy }) => {
			const { minValue, maxValue } = property.typeOptions as {
				minValue?: number;
				maxValue?: number;
			};
			const outside = [
				...(minValue === undefined ? [] : [minValue - 1]),
				...(maxValue === undefined ? [] : [maxValue + 1]),
			];
			return outside.map((value) => ({
				name: `${resource.value} ${operation.value}: ${path.join('.')} = ${value}`,
				parameters: {
					resource: resource.value,
					operation: operation.value,
					...shownBy,
					...(path.length === 1
						? { [path[0]]: `={{ ${value} }}` }
						: { [path[0]]: { [path[1]]: `={{ ${value} }}` } }),
				} as INodeParameters,
				message: `${property.displayName} must be `,
			}));
		}),
	),
);

it('finds the ranges to check: Limit, Max Wait, thresholds and daily limits', () => {
	const names = new Set(cases.map((entry) => entry.message));
	expect([...names].sort()).toEqual(
		[
			'Automatic Qualification Threshold must be ',
			'Batch Size must be ',
			'Invitations Max must be ',
			'Invitations Min must be ',
			'Limit must be ',
			'Max Wait (Seconds) must be ',
			'Messages Max must be ',
			'Messages Min must be ',
			'Verification Threshold must be ',
		].sort(),
	);
});

it.each(cases.map((entry) => [entry.name, entry]))(
	'refuses %s before any call',
	async (_name, { parameters, message }) => {
		const error = await kakiyo.fail(parameters);
		expect(error.message.startsWith(message)).toBe(true);
		expect(kakiyo.calls()).toEqual([]);
	},
);
