import {
	isSelected,
	normalizeEvents,
	sameEvents,
} from '../../../nodes/KakiyoTrigger/eventSelection';

describe('normalizeEvents', () => {
	it('sorts, trims and removes duplicates and blanks', () => {
		expect(
			normalizeEvents([' prospect.qualified', 'message.sent', 'prospect.qualified', '']),
		).toEqual(['message.sent', 'prospect.qualified']);
	});

	it('reads a comma-separated list set by an expression', () => {
		expect(normalizeEvents('prospect.qualified, message.sent')).toEqual([
			'message.sent',
			'prospect.qualified',
		]);
	});

	it('keeps only the wildcard when it is chosen', () => {
		expect(normalizeEvents(['message.sent', '*', 'campaign.completed'])).toEqual(['*']);
	});
});

describe('sameEvents', () => {
	it.each([
		[['a.b', 'c.d'], ['c.d', 'a.b'], true],
		[['a.b', 'a.b'], ['a.b'], true],
		[['*', 'a.b'], ['*'], true],
		[['a.b'], ['a.b', 'c.d'], false],
		[['a.b'], ['*'], false],
		[[], ['a.b'], false],
	])('%p and %p: %p', (a, b, expected) => {
		expect(sameEvents(a, b)).toBe(expected);
	});
});

describe('isSelected', () => {
	it('matches chosen events exactly', () => {
		expect(isSelected('linkedin.message.received', ['linkedin.message.received'])).toBe(true);
		expect(isSelected('linkedin.message.sent', ['linkedin.message.received'])).toBe(false);
		expect(isSelected('LINKEDIN.MESSAGE.RECEIVED', ['linkedin.message.received'])).toBe(false);
		expect(isSelected(undefined, ['linkedin.message.received'])).toBe(false);
		expect(isSelected(['linkedin.message.received'], ['linkedin.message.received'])).toBe(false);
	});

	it('matches everything, even a missing event, under the wildcard', () => {
		expect(isSelected('something.new', ['*'])).toBe(true);
		expect(isSelected(undefined, ['*'])).toBe(true);
	});
});
