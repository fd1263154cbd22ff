import {
	unlessDataObject,
	unlessObject,
	unlessObjectOrEmpty,
} from '../../../nodes/shared/answerCheck';

describe('unlessObject', () => {
	it.each([
		['<html><body>Bad gateway</body></html>', 'an HTML page instead of JSON'],
		['  \n<!doctype html>', 'an HTML page instead of JSON'],
		['ok', 'text instead of JSON'],
		['', 'an empty answer instead of JSON'],
		[[{ id: 'a' }], 'a JSON array instead of an object'],
		[42, 'no JSON object'],
		[null, 'no JSON object'],
		[{ error: 'internal_error', message: 'Could not save' }, 'an error (internal_error)'],
		[{ success: false, message: 'No' }, 'an answer saying success: false'],
	])('refuses %p', (body, reason) => {
		expect(unlessObject(body)).toBe(reason);
	});

	it.each([[{ id: 'a' }], [{ message: 'Webhook updated successfully' }], [{ error: '' }], [{}]])(
		'accepts %p',
		(body) => {
			expect(unlessObject(body)).toBeUndefined();
		},
	);
});

describe('unlessObjectOrEmpty', () => {
	it('also accepts no body at all', () => {
		expect([undefined, null, ''].map(unlessObjectOrEmpty)).toEqual([
			undefined,
			undefined,
			undefined,
		]);
		expect(unlessObjectOrEmpty('<html>')).toBe('an HTML page instead of JSON');
	});
});

describe('unlessDataObject', () => {
	it.each([
		[{ error: '<unknown>', data: { onList: false } }],
		[{ error: null, data: { message: 'DNC entry deleted successfully' } }],
		[{ data: {}, message: 'Added to Do Not Contact list' }],
	])("accepts Kakiyo's envelope %p, whatever its error field says", (body) => {
		expect(unlessDataObject(body)).toBeUndefined();
	});

	it.each([
		['<html>Bad gateway</html>', 'an HTML page instead of JSON'],
		[[{ url: 'in/x' }], 'a JSON array instead of an object'],
		[{ error: 'rate_limited', message: 'Slow down' }, 'an error (rate_limited)'],
		[{ error: 'x', data: [] }, 'an error (x)'],
		[{ message: 'Done' }, 'no data object in the answer'],
		[{ data: 'entry' }, 'no data object in the answer'],
	])('refuses %p', (body, reason) => {
		expect(unlessDataObject(body)).toBe(reason);
	});
});
