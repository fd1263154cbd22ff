import type { IDataObject } from 'n8n-workflow';
import { quoted, withoutSecrets } from '../../../nodes/Kakiyo/engine/withoutSecrets';

describe('withoutSecrets, the filter on every output item', () => {
	it('drops fields naming a secret or a password at any depth, and keeps has… flags', () => {
		expect(
			withoutSecrets(
				{
					id: 'a',
					secret: 'x',
					hasSecret: true,
					signing: { secret: 'x', signingSecret: 'y', algorithm: 'sha256' },
					accounts: [{ login: 'ana', linkedinPassword: 'p', password: 'q' }],
				},
				[],
			),
		).toEqual({
			id: 'a',
			hasSecret: true,
			signing: { algorithm: 'sha256' },
			accounts: [{ login: 'ana' }],
		});
	});

	it('replaces a known secret wherever it was echoed, also trimmed or URL-encoded', () => {
		const key = 'exampleGhIjKlMnOpQrStUvWxYz0123456789-_xy';
		expect(
			withoutSecrets({ note: `key ${key}`, list: [`url?k=${encodeURIComponent('pa ss/word')}`] }, [
				`${key} `,
				'pa ss/word',
			]),
		).toEqual({ note: 'key [redacted]', list: ['url?k=[redacted]'] });
	});

	it('replaces a known secret in field names too, at any depth', () => {
		const key = 'exampleNamesKey0123456789abcdefghijklmno';
		const output = withoutSecrets(
			{ usage: { [key]: 1, deep: [{ [`by ${key}`]: { [encodeURIComponent(` ${key}`)]: 3 } }] } },
			[key],
		);

		expect(JSON.stringify(output)).not.toContain(key);
		expect(output).toEqual({
			usage: { '[redacted]': 1, deep: [{ 'by [redacted]': { '%20[redacted]': 3 } }] },
		});
	});

	it('keeps a redacted name apart from a field it meets', () => {
		const key = 'exampleNamesKey0123456789abcdefghijklmno';
		expect(withoutSecrets({ '[redacted]': 1, [key]: 2 }, [key])).toEqual({
			'[redacted]': 1,
			'[redacted]_2': 2,
		});
	});

	it('keeps a field called "__proto__" as a field, never as the prototype', () => {
		const output = withoutSecrets(
			JSON.parse('{"__proto__":{"isAdmin":true},"a":1}') as IDataObject,
			[],
		);

		expect(Object.getPrototypeOf(output)).toBe(Object.prototype);
		expect(output.isAdmin).toBeUndefined();
		expect(JSON.stringify(output)).toBe('{"__proto__":{"isAdmin":true},"a":1}');
	});

	it('cuts an answer nested deeper than any Kakiyo answer instead of passing it on unread', () => {
		let nested: IDataObject = { note: 'unread-value' };
		for (let depth = 0; depth < 100; depth++) nested = { inner: nested };

		expect(JSON.stringify(withoutSecrets(nested, []))).not.toContain('unread-value');
	});
});

describe('quoted, an answer as an error quotes it', () => {
	const key = 'exampleQuotedKey0123456789abcdefghijklmn';

	it('redacts a secret before shortening, so none is cut to a recognisable start', () => {
		// The key begins 10 characters before the cut: slicing first would show that much of it.
		const answer = { note: 'x'.repeat(200 - 10 - '{"note":"'.length) + key };
		const text = quoted(answer, [key], 200);

		expect(text).not.toContain(key.slice(0, 10));
		expect(text).toMatch(/^\{"note":"x+\[redacted/);
	});

	it('leaves out fields naming a secret, redacts one echoed in a field name, and stays within max', () => {
		const text = quoted({ secret: 's3cr3t-value', [key]: 1, list: ['y'.repeat(999)] }, [key], 60);

		expect(text).not.toMatch(/s3cr3t|exampleQuoted/);
		expect(text).toHaveLength(60);
		expect(text.endsWith('…')).toBe(true);
	});
});
