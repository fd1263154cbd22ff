/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- test-only: reads docs/operations.md, found from __dirname */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RESOURCES } from '../../../nodes/Kakiyo/Kakiyo.node';
import { simplified } from '../../../nodes/Kakiyo/engine/simplify';

/** How Simplify reads an answer of a shape Kakiyo does not promise. */
describe('a simplified item', () => {
	const paths = ['id', 'prospect.id', 'prospect.name', 'alerts'];

	it('keeps the declared fields at their paths, arrays whole, and nothing else', () => {
		const answer = {
			id: 'c1',
			prospect: { id: 'p1', name: 'Ana', about: 'long text' },
			alerts: [{ type: 'auth' }],
			messages: [{ content: 'Hi' }],
		};
		expect(simplified(answer, paths)).toEqual({
			id: 'c1',
			prospect: { id: 'p1', name: 'Ana' },
			alerts: [{ type: 'auth' }],
		});
	});

	it('leaves out a field Kakiyo left out, and keeps null as Kakiyo sent it', () => {
		expect(simplified({ id: 'c1', prospect: { name: null } }, paths)).toEqual({
			id: 'c1',
			prospect: { name: null },
		});
	});

	it('does not read into a value that is not an object', () => {
		expect(simplified({ id: 'c1', prospect: 'p1' }, paths)).toEqual({ id: 'c1' });
	});

	it('keeps an answer with none of the fields whole, rather than emptying it', () => {
		const wrapped = { data: { id: 'c1' }, message: 'ok' };
		expect(simplified(wrapped, paths)).toBe(wrapped);
	});
});

it("docs/operations.md lists every simplifying operation's kept fields, as declared", () => {
	const readme = readFileSync(join(__dirname, '..', '..', '..', 'docs', 'operations.md'), 'utf8');
	const declared = RESOURCES.flatMap((resource) =>
		resource.operations.flatMap((operation) => (operation.simplify ? [operation.simplify] : [])),
	);
	expect(declared.length).toBeGreaterThan(0);
	for (const paths of declared) {
		expect(readme).toContain(paths.map((path) => `\`${path}\``).join(', '));
	}
});
