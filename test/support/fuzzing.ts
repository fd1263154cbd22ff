import { createHmac, randomBytes } from 'node:crypto';
import { EVENT_IDS, examplePayload } from '../emulator';
import { kakiyoDigest } from './signature';

/**
 * Seeded randomness for fuzz and chaos tests, and the delivery mutations of the signature fuzzer.
 * Everything random in a run comes from one `Random`, so a printed seed replays the run exactly.
 */

export interface Random {
	readonly seed: number;
	/** A float in [0, 1). */
	next(): number;
	/** An integer in [0, max). */
	int(max: number): number;
	/** An integer in [min, max], both included. */
	between(min: number, max: number): number;
	chance(probability: number): boolean;
	pick<T>(items: readonly T[]): T;
	/** A key of `weights`, each as likely as its weight. */
	weighted<K extends string>(weights: Readonly<Record<K, number>>): K;
	bytes(length: number): Buffer;
}

// Bound once: under Jest every lookup of the global `Math` costs about 0.1 µs, 70 times the work.
const { floor, imul } = Math;

/** mulberry32: 32 bits of state, fast, and plenty for picking test inputs (not for secrets). */
export function seededRandom(seed: number): Random {
	let state = seed >>> 0;
	const next = () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = imul(t ^ (t >>> 15), t | 1);
		t ^= t + imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const int = (max: number) => floor(next() * max);
	return {
		seed: seed >>> 0,
		next,
		int,
		between: (min, max) => min + int(max - min + 1),
		chance: (probability) => next() < probability,
		pick: (items) => items[int(items.length)],
		weighted(weights) {
			const entries = Object.entries(weights) as Array<[keyof typeof weights, number]>;
			let roll = next() * entries.reduce((sum, [, weight]) => sum + weight, 0);
			for (const [key, weight] of entries) {
				roll -= weight;
				if (roll < 0) return key;
			}
			return entries[entries.length - 1][0];
		},
		bytes(length) {
			const bytes = Buffer.alloc(length);
			for (let i = 0; i < length; i++) bytes[i] = int(256);
			return bytes;
		},
	};
}

/** The seed given as decimal text (an environment variable, a flag), or a fresh one if none is. */
export function seedFrom(text: string | undefined): number {
	if (text === undefined || text.trim() === '') return randomBytes(4).readUInt32BE(0);
	const seed = Number(text);
	if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
		throw new Error(`A seed is an integer from 0 to 4294967295, not "${text}"`);
	}
	return seed;
}

/**
 * An `X-Kakiyo-Signature` as a Node server hands it over: absent, one value, or an array when a
 * server keeps repeated headers apart (`headersDistinct`).
 */
export type Signature = string | string[] | undefined;

export interface Delivery {
	body: Buffer;
	signature: Signature;
}

export const DELIVERY_KINDS = [
	'genuine',
	'body-bit-flip',
	'body-truncation',
	'body-extension',
	'body-case',
	'body-whitespace',
	'empty-body',
	'huge-body',
	'invalid-utf8',
	'header-bit-flip',
	'header-truncation',
	'header-extension',
	'header-case',
	'header-whitespace',
	'header-scheme',
	'header-wide-char',
	'repeated-header',
	'missing-header',
	'other-secret',
	'other-body-signature',
] as const;

export type DeliveryKind = (typeof DELIVERY_KINDS)[number];

export interface DeliveryCase extends Delivery {
	kind: DeliveryKind;
}

/** Genuine deliveries come up often; huge bodies rarely, as each costs megabytes of hashing. */
const WEIGHTS: Partial<Record<DeliveryKind, number>> = { genuine: 3, 'huge-body': 0.1 };

const HUGE_MIN = 1024 * 1024;
const HUGE_MAX = 2 * 1024 * 1024;

const TEXT_PIECES = [
	'Hi there',
	' ',
	'  ',
	'\t',
	'\n',
	'"',
	'\\',
	'/',
	'ü',
	'ß',
	'中文',
	'—',
	'🚀',
	'\u2028',
	'\u0000',
	'\ud800',
	'e\u0301',
	'{"event":"x"}',
];

const WHITESPACE = [' ', '\t', '\n', '\r', '\r\n', '\u00a0', '\u2003'];

/**
 * Bytes that are not UTF-8 (lone continuation bytes, cut sequences, overlong and surrogate forms),
 * and a byte order mark, which is UTF-8 but one that n8n's parser drops at the start.
 */
const INVALID_UTF8 = [
	[0x80],
	[0xbf],
	[0xc3],
	[0xc3, 0x28],
	[0xe2, 0x82],
	[0xf0, 0x9f, 0x9a],
	[0xc0, 0xaf],
	[0xe0, 0x80, 0xaf],
	[0xed, 0xa0, 0x80],
	[0xf8, 0x88, 0x80, 0x80, 0x80],
	[0xfe],
	[0xff],
	[0xef, 0xbb, 0xbf],
];

const bare = (signature: string) => signature.replace(/^sha256=/, '');

/**
 * Produces deliveries for one webhook secret: genuine ones as Kakiyo sends them, and each kind of
 * damage a network, a proxy or an attacker could do to one. A mutation usually makes a forgery, but
 * not always (an upper-cased digest without letters is unchanged; a re-signed body is genuine), so
 * whether a case is genuine is for the caller's oracle to decide, never the kind.
 */
export class DeliveryMutator {
	private hugeFiller?: Buffer;
	private readonly weights: Record<string, number>;

	constructor(
		private readonly random: Random,
		private readonly secret: string,
		kinds: readonly DeliveryKind[] = DELIVERY_KINDS,
	) {
		this.weights = Object.fromEntries(kinds.map((kind) => [kind, WEIGHTS[kind] ?? 1]));
	}

	next(): DeliveryCase {
		const kind = this.random.weighted(this.weights) as DeliveryKind;
		return { kind, ...this.mutate(kind, this.genuine()) };
	}

	/** A delivery as Kakiyo sends it: an event payload, serialised one of several ways, signed. */
	genuine(): Delivery {
		const { random } = this;
		const payload: Record<string, unknown> = examplePayload(random.pick(EVENT_IDS));
		payload.deliveryId = random.int(1e9);
		if (random.chance(0.5)) payload.data = { ...(payload.data as object), message: this.text() };
		const indent = random.pick([undefined, undefined, 2, '\t']);
		const body = Buffer.from(JSON.stringify(payload, null, indent), 'utf8');
		return { body, signature: this.sign(body) };
	}

	/** A signature over `body` in the documented form, prefixed or (less often) bare. */
	sign(body: Buffer, secret = this.secret, prefixed = this.random.chance(0.7)): string {
		const digest = kakiyoDigest(secret, body);
		return prefixed ? `sha256=${digest}` : digest;
	}

	mutate(kind: DeliveryKind, delivery: Delivery): Delivery {
		const { random } = this;
		const { body } = delivery;
		const signature = delivery.signature as string;
		const withBody = (changed: Buffer) => ({ body: changed, signature });
		const withSignature = (changed: Signature) => ({ body, signature: changed });
		// Some body mutations are re-signed: the node must check the bytes, not a normalised form.
		const maybeResigned = (changed: Buffer) =>
			random.chance(0.25) ? { body: changed, signature: this.sign(changed) } : withBody(changed);

		switch (kind) {
			case 'genuine':
				return delivery;
			case 'body-bit-flip':
				return withBody(flipBits(random, body, random.between(1, 3), 8));
			case 'body-truncation':
				return withBody(
					random.chance(0.5)
						? body.subarray(0, random.int(body.length))
						: body.subarray(random.between(1, body.length)),
				);
			case 'body-extension':
				return maybeResigned(this.extendBody(body));
			case 'body-case':
				return maybeResigned(Buffer.from(changeCase(random, body.toString('utf8')), 'utf8'));
			case 'body-whitespace':
				return maybeResigned(this.whitespaceInBody(body));
			case 'empty-body':
				return this.emptyBody(signature);
			case 'huge-body':
				return this.hugeBody(signature);
			case 'invalid-utf8': {
				const at = random.int(body.length + 1);
				const bad = Buffer.from(random.pick(INVALID_UTF8));
				return maybeResigned(Buffer.concat([body.subarray(0, at), bad, body.subarray(at)]));
			}
			case 'header-bit-flip':
				return withSignature(flipTextBits(random, signature, random.between(1, 2)));
			case 'header-truncation':
				return withSignature(
					random.chance(0.5)
						? signature.slice(0, random.int(signature.length))
						: signature.slice(random.between(1, signature.length)),
				);
			case 'header-extension':
				return withSignature(this.extendSignature(signature));
			case 'header-case':
				return withSignature(changeCase(random, signature));
			case 'header-whitespace':
				return withSignature(insertAt(random, signature, random.pick(WHITESPACE)));
			case 'header-scheme':
				return withSignature(this.otherScheme(body));
			case 'header-wide-char':
				return withSignature(this.wideChar(signature));
			case 'repeated-header':
				return withSignature(this.repeated(body, signature));
			case 'missing-header':
				return withSignature(random.pick([undefined, '', 'sha256=']));
			case 'other-secret':
				return withSignature(this.sign(body, this.otherSecret()));
			case 'other-body-signature':
				return withSignature(this.genuine().signature);
		}
	}

	private text(): string {
		let text = '';
		for (let i = this.random.between(0, 12); i > 0; i--) text += this.random.pick(TEXT_PIECES);
		return text;
	}

	private extendBody(body: Buffer): Buffer {
		const { random } = this;
		const extra = random.pick([
			Buffer.from(random.pick(WHITESPACE)),
			Buffer.from([0]),
			Buffer.from(',"extra":true}'),
			Buffer.from(body),
			random.bytes(random.between(1, 64)),
		]);
		return random.chance(0.8) ? Buffer.concat([body, extra]) : Buffer.concat([extra, body]);
	}

	private whitespaceInBody(body: Buffer): Buffer {
		const { random } = this;
		const text = body.toString('utf8');
		switch (random.int(3)) {
			case 0:
				return Buffer.from(insertAt(random, text, random.pick(WHITESPACE)), 'utf8');
			case 1: {
				const spaces = [...text.matchAll(/\s/g)].map((match) => match.index);
				if (!spaces.length) return Buffer.from(`${text} `, 'utf8');
				const at = random.pick(spaces);
				return Buffer.from(text.slice(0, at) + text.slice(at + 1), 'utf8');
			}
			default:
				// The same JSON serialised another way: equal as data, different as bytes.
				return Buffer.from(JSON.stringify(JSON.parse(text), null, random.pick([0, 1, 4])), 'utf8');
		}
	}

	private emptyBody(signature: string): Delivery {
		const empty = Buffer.alloc(0);
		return {
			body: empty,
			signature: this.random.pick([
				signature,
				this.sign(empty),
				this.sign(empty, this.otherSecret()),
				undefined,
			]),
		};
	}

	/**
	 * 1 to 2 MiB, a thousand times a real delivery: a payload carrying a long string, or raw bytes,
	 * signed every which way.
	 */
	private hugeBody(signature: string): Delivery {
		const { random } = this;
		this.hugeFiller ??= Buffer.from(random.bytes(HUGE_MAX).toString('base64').slice(0, HUGE_MAX));
		const filler = this.hugeFiller.subarray(0, random.between(HUGE_MIN, HUGE_MAX));
		const body = random.chance(0.8)
			? Buffer.concat([
					Buffer.from('{"event":"linkedin.message.received","data":{"message":"'),
					filler,
					Buffer.from('"}}'),
				])
			: filler;
		return {
			body,
			signature: random.pick([
				this.sign(body),
				this.sign(body),
				signature,
				this.sign(body.subarray(0, body.length - 1)),
				this.sign(body, this.otherSecret()),
				undefined,
			]),
		};
	}

	private extendSignature(signature: string): string {
		const { random } = this;
		const extra = random.pick([
			'0',
			'a',
			'f',
			'g',
			'=',
			',',
			';',
			'\0',
			', ' + signature,
			signature,
		]);
		if (random.chance(0.2)) return `sha256=${signature}`;
		return random.chance(0.8) ? signature + extra : extra + signature;
	}

	/** The right digest under another name or encoding, or another algorithm's digest. */
	private otherScheme(body: Buffer): string {
		const { random } = this;
		const hex = kakiyoDigest(this.secret, body);
		const digest = Buffer.from(hex, 'hex');
		return random.pick([
			`SHA256=${hex}`,
			`Sha256=${hex}`,
			`sha256:${hex}`,
			`sha256 ${hex}`,
			`sha-256=${hex}`,
			`sha1=${hex}`,
			`sha512=${hex}`,
			`v1=${hex}`,
			`sha256="${hex}"`,
			`t=1,sha256=${hex}`,
			`sha256=${digest.toString('base64')}`,
			digest.toString('base64'),
			digest.toString('base64url'),
			`sha256=${createHmac('sha1', this.secret).update(body).digest('hex')}`,
			`sha256=${createHmac('sha512', this.secret).update(body).digest('hex').slice(0, 64)}`,
			`sha256=${kakiyoDigest(this.secret, body.toString('latin1'))}`,
		]);
	}

	/**
	 * Characters above U+00FF in the header, as a server that decodes header bytes as UTF-8 would
	 * hand them over. Node's HTTP parser decodes them as latin1, so n8n does not see these today.
	 * Half the time the character has the same low byte as the digit it replaces.
	 */
	private wideChar(signature: string): string {
		const { random } = this;
		const digits = bare(signature);
		const at = signature.length - digits.length + random.int(digits.length);
		const wide = random.chance(0.5)
			? String.fromCharCode(random.between(1, 255) * 0x100 + signature.charCodeAt(at))
			: String.fromCharCode(random.between(0x100, 0xffff));
		return signature.slice(0, at) + wide + signature.slice(at + 1);
	}

	private repeated(body: Buffer, signature: string): Signature {
		const { random } = this;
		const forged = this.sign(body, this.otherSecret());
		return random.pick([
			[signature, signature],
			[signature, forged],
			[forged, signature],
			[signature],
			[signature, bare(signature)],
			[],
			// How Node's HTTP parser joins a repeated header it does not know.
			`${signature}, ${signature}`,
			`${forged}, ${signature}`,
			`${signature},${signature}`,
		]);
	}

	/** A secret that is not the webhook's: near misses of it, another webhook's, or none at all. */
	private otherSecret(): string {
		const { random, secret } = this;
		return random.pick([
			random.bytes(32).toString('hex'),
			secret.slice(0, -1),
			`${secret} `,
			` ${secret}`,
			secret.toUpperCase() === secret ? secret.toLowerCase() : secret.toUpperCase(),
			secret.slice(1) + secret[0],
			flipTextBits(random, secret, 1),
			secret + secret,
			'secret',
			'',
		]);
	}
}

/** Flips `count` random bits among the lowest `width` of each byte. */
function flipBits(random: Random, bytes: Buffer, count: number, width: number): Buffer {
	if (!bytes.length) return Buffer.from([1 << random.int(width)]);
	const flipped = Buffer.from(bytes);
	for (let i = 0; i < count; i++) flipped[random.int(flipped.length)] ^= 1 << random.int(width);
	return flipped;
}

/** Flips bits of the text's characters within latin1, the only characters a Node header holds. */
function flipTextBits(random: Random, text: string, count: number): string {
	return flipBits(random, Buffer.from(text, 'latin1'), count, 8).toString('latin1');
}

function changeCase(random: Random, text: string): string {
	switch (random.int(3)) {
		case 0:
			return text.toUpperCase();
		case 1: {
			const letters = [...text.matchAll(/[a-zA-Z]/g)].map((match) => match.index);
			if (!letters.length) return text;
			const at = random.pick(letters);
			const letter = text[at];
			const swapped = letter === letter.toLowerCase() ? letter.toUpperCase() : letter.toLowerCase();
			return text.slice(0, at) + swapped + text.slice(at + 1);
		}
		default:
			return text.replace(/[a-z]+/, (word) => word[0].toUpperCase() + word.slice(1));
	}
}

/** Inserts `piece` at the start, at the end (where proxies and editors add it) or anywhere. */
function insertAt(random: Random, text: string, piece: string): string {
	const at = random.pick([0, text.length, random.int(text.length + 1)]);
	return text.slice(0, at) + piece + text.slice(at);
}
