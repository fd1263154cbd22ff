import { cap, excerpt, redact } from '../../../nodes/shared/transport/redaction';

describe('redact', () => {
	it('replaces every occurrence, in every form a server may echo', () => {
		const secret = ' s3cret/with "quotes" ';
		const text = [
			'raw: s3cret/with "quotes" ',
			'url: s3cret%2Fwith%20%22quotes%22',
			'json: s3cret/with \\"quotes\\"',
		].join('\n');
		expect(redact(text, [secret])).toBe(
			['raw:[redacted]', 'url: [redacted]', 'json: [redacted]'].join('\n'),
		);
	});

	it('replaces a longer secret before a shorter one inside it', () => {
		expect(redact('key abcdefgh', ['abcd', 'abcdefgh'])).toBe('key [redacted]');
	});

	it('ignores missing and very short values', () => {
		expect(redact('a b c', [undefined, '', 'b'])).toBe('a b c');
	});
});

describe('shortening', () => {
	it('cuts with an ellipsis only when needed', () => {
		expect(cap('abcdef', 6)).toBe('abcdef');
		expect(cap('abcdefg', 6)).toBe('abcde…');
	});

	it('makes one line of a page', () => {
		expect(excerpt('<p>\n\t a   b </p>\n', 100)).toBe('<p> a b </p>');
		expect(excerpt(`${' '.repeat(10)}${'x'.repeat(500)}`, 10)).toBe('xxxxxxxxx…');
	});
});
