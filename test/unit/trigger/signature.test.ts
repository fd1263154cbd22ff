import crypto, { randomBytes } from 'node:crypto';
import { parseSignatureHeader, verifySignature } from '../../../nodes/KakiyoTrigger/signature';
import { kakiyoDigest, kakiyoSignature } from '../../support/signature';

const secret = randomBytes(32).toString('hex');
const raw = Buffer.from(
	'{"event":"linkedin.message.received",  "data":{"message":"Caf\\u00e9 \u00fcber \ud83d\ude80\\t "}}\n',
	'utf8',
);
const hex = (body: Buffer | string, key = secret) => kakiyoDigest(key, body);

describe('verifySignature accepts', () => {
	it('sha256=<hex>', () => {
		expect(verifySignature(raw, kakiyoSignature(secret, raw), secret)).toEqual({ valid: true });
	});

	it('bare <hex>', () => {
		expect(verifySignature(raw, hex(raw), secret)).toEqual({ valid: true });
	});

	it('an empty body when the signature covers it', () => {
		const empty = Buffer.alloc(0);
		expect(verifySignature(empty, hex(empty), secret)).toEqual({ valid: true });
	});
});

describe('verifySignature compares against the exact bytes', () => {
	it('refuses a tampered body', () => {
		const tampered = Buffer.from(raw);
		tampered[tampered.length - 3] ^= 1;
		expect(verifySignature(tampered, hex(raw), secret)).toEqual({
			valid: false,
			reason: 'mismatch',
		});
	});

	it('refuses a signature over re-serialised JSON, and the other way round', () => {
		const reserialised = Buffer.from(JSON.stringify(JSON.parse(raw.toString('utf8'))), 'utf8');
		expect(reserialised.equals(raw)).toBe(false);
		expect(verifySignature(raw, hex(reserialised), secret)).toEqual({
			valid: false,
			reason: 'mismatch',
		});
		expect(verifySignature(reserialised, hex(raw), secret)).toEqual({
			valid: false,
			reason: 'mismatch',
		});
	});

	it('keeps unicode and whitespace: the same text normalised or trimmed no longer matches', () => {
		const text = raw.toString('utf8');
		expect(verifySignature(Buffer.from(text, 'utf8'), hex(raw), secret).valid).toBe(true);
		for (const variant of [text.trim(), text.normalize('NFD'), text.replace('  ', ' ')]) {
			expect(variant).not.toBe(text);
			expect(verifySignature(Buffer.from(variant, 'utf8'), hex(raw), secret).valid).toBe(false);
		}
	});

	it('refuses a signature made with another secret', () => {
		expect(verifySignature(raw, hex(raw, randomBytes(32).toString('hex')), secret)).toEqual({
			valid: false,
			reason: 'mismatch',
		});
	});
});

describe('verifySignature refuses headers of the wrong shape or encoding', () => {
	const digest = hex(raw);
	it.each([
		['one digit short', digest.slice(1)],
		['one digit long', `${digest}0`],
		['prefixed, one digit short', `sha256=${digest.slice(1)}`],
		['an empty digest after the prefix', 'sha256='],
		['an uppercase prefix', `SHA256=${digest}`],
		['another algorithm prefix', `sha1=${digest}`],
		['base64 of the right digest', Buffer.from(digest, 'hex').toString('base64')],
		['surrounding whitespace', ` sha256=${digest} `],
		['two signatures', `sha256=${digest},sha256=${digest}`],
	])('%s', (_case, header) => {
		expect(verifySignature(raw, header, secret)).toEqual({
			valid: false,
			reason: 'malformed_header',
		});
	});

	// Kakiyo documents lowercase hex: the right digest in other characters is not the signature.
	it.each([
		['uppercase hex', digest.toUpperCase()],
		['prefixed uppercase hex', `sha256=${digest.toUpperCase()}`],
		['non-hex characters', `sha256=${'z'.repeat(64)}`],
		[
			'the hex of the digest as UTF-16',
			Buffer.from(digest.slice(0, 32), 'utf16le').toString('latin1'),
		],
	])('%s (a mismatch)', (_case, header) => {
		expect(verifySignature(raw, header, secret)).toEqual({ valid: false, reason: 'mismatch' });
	});

	it('a repeated header (an array)', () => {
		expect(verifySignature(raw, [digest, digest], secret)).toEqual({
			valid: false,
			reason: 'malformed_header',
		});
	});
});

describe('verifySignature fails closed on missing pieces', () => {
	it.each([
		['no secret', raw, kakiyoSignature(secret, raw), undefined, 'missing_secret'],
		['an empty secret', raw, kakiyoSignature(secret, raw), '', 'missing_secret'],
		['no raw body', undefined, kakiyoSignature(secret, raw), secret, 'missing_body'],
		[
			'a raw body that is a string',
			raw.toString('utf8'),
			kakiyoSignature(secret, raw),
			secret,
			'missing_body',
		],
		['no header', raw, undefined, secret, 'missing_header'],
		['an empty header', raw, '', secret, 'missing_header'],
	])('%s', (_case, body, header, key, reason) => {
		expect(verifySignature(body as Buffer | undefined, header, key)).toEqual({
			valid: false,
			reason,
		});
	});
});

describe('parseSignatureHeader', () => {
	it('returns the hex digest for both formats', () => {
		const digest = hex(raw);
		expect(parseSignatureHeader(`sha256=${digest}`)).toBe(digest);
		expect(parseSignatureHeader(digest)).toBe(digest);
		expect(parseSignatureHeader(undefined)).toBeUndefined();
	});
});

describe('constant-time comparison', () => {
	afterEach(() => jest.restoreAllMocks());

	it('compares full-length digests with crypto.timingSafeEqual, whether they match or differ early', () => {
		const compare = jest.spyOn(crypto, 'timingSafeEqual');
		const digest = hex(raw);
		const firstByteOff = `${(parseInt(digest[0], 16) ^ 1).toString(16)}${digest.slice(1)}`;

		expect(verifySignature(raw, digest, secret).valid).toBe(true);
		expect(verifySignature(raw, firstByteOff, secret).valid).toBe(false);

		expect(compare).toHaveBeenCalledTimes(2);
		for (const [received, expected] of compare.mock.calls) {
			expect(received.byteLength).toBe(64);
			expect(expected.byteLength).toBe(64);
		}
	});

	it('never reaches the comparison with a digest of the wrong length in bytes', () => {
		const compare = jest.spyOn(crypto, 'timingSafeEqual');
		// 64 characters, so the header parser takes it, but 128 bytes in UTF-8: only the length check
		// keeps it from timingSafeEqual, which would throw.
		const header = 'é'.repeat(64);
		expect(parseSignatureHeader(header)).toBe(header);
		expect(verifySignature(raw, header, secret)).toEqual({ valid: false, reason: 'mismatch' });
		expect(compare).not.toHaveBeenCalled();
	});
});
