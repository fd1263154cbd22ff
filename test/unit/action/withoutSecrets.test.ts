import type { IDataObject } from 'n8n-workflow';
import { withoutSecrets } from '../../../nodes/Kakiyo/engine/withoutSecrets';

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

	it('cuts an answer nested deeper than any Kakiyo answer instead of passing it on unread', () => {
		let nested: IDataObject = { note: 'unread-value' };
		for (let depth = 0; depth < 100; depth++) nested = { inner: nested };

		expect(JSON.stringify(withoutSecrets(nested, []))).not.toContain('unread-value');
	});
});
