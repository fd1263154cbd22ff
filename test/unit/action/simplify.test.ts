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
