import type { INodeProperties } from 'n8n-workflow';
import { operation } from '../../../nodes/Kakiyo/resources/agent/update.operation';

/**
 * Agent > Update's daily limits take the ranges Kakiyo documents (docs/kakiyo-api.md#agents):
 * invitationsMin 1–100, invitationsMax 2–100, messagesMin 1–500, messagesMax 2–500. A field added at
 * its default is a value Kakiyo accepts, and each minimum's default is not above its maximum's.
 */
const SPEC_RANGES: Record<string, [number, number]> = {
	invitationsMin: [1, 100],
	invitationsMax: [2, 100],
	messagesMin: [1, 500],
	messagesMax: [2, 500],
};

const updateFields = operation.properties.find((property) => property.name === 'updateFields');
const field = (name: string) =>
	(updateFields?.options as INodeProperties[]).find((option) => option.name === name)!;

describe('Agent > Update daily limits', () => {
	it.each(Object.entries(SPEC_RANGES))(
		"%s offers Kakiyo's range %j, says it, and defaults inside it",
		(name, [min, max]) => {
			const limit = field(name);
			expect(limit.typeOptions).toEqual({ minValue: min, maxValue: max });
			expect(limit.description).toContain(`${min} to ${max}`);
			expect(limit.default).toBeGreaterThanOrEqual(min);
			expect(limit.default).toBeLessThanOrEqual(max);
		},
	);

	it.each(['invitations', 'messages'])(
		'the daily %s minimum defaults below the maximum',
		(kind) => {
			expect(field(`${kind}Min`).default).toBeLessThan(field(`${kind}Max`).default as number);
		},
	);
});
