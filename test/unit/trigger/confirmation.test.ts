import { judge, readableSecret } from '../../../nodes/KakiyoTrigger/confirmation';
import type { KakiyoWebhook } from '../../../nodes/shared/webhooksApi';

const sent = {
	name: 'n8n: x',
	url: 'https://n8n.example.com/webhook/a/webhook',
	events: ['linkedin.message.received', 'prospect.qualified'],
	active: true,
	secret: 's'.repeat(64),
};
const shown = {
	id: 'wh_1',
	name: 'n8n: x (shortened)',
	url: 'HTTPS://n8n.example.com/webhook/a/webhook/',
	events: ['prospect.qualified', 'linkedin.message.received'],
	active: true,
	hasSecret: true,
};

describe('judge', () => {
	it('confirms what the webhook shows, however it spells it, and ignores the name', () => {
		expect(judge(sent, shown)).toEqual({ contradicted: [], unconfirmed: [], otherSecret: false });
	});

	it('confirms a secret echoed exactly', () => {
		expect(judge(sent, { ...shown, secret: sent.secret }).unconfirmed).toEqual([]);
	});

	it('confirms nothing without a webhook', () => {
		expect(judge(sent, undefined)).toEqual({
			contradicted: [],
			unconfirmed: ['url', 'events', 'active', 'secret'],
			otherSecret: false,
		});
	});

	it('leaves unconfirmed what the webhook does not show', () => {
		expect(judge(sent, { id: 'wh_1' }).unconfirmed).toEqual(['url', 'events', 'active']);
	});

	it('names each contradiction, without repeating any secret', () => {
		const judgement = judge(sent, {
			id: 'wh_1',
			url: 'https://elsewhere.example/x',
			events: ['*'],
			active: false,
			secret: 'whsec_****',
		});
		expect(judgement).toEqual({
			contradicted: ['URL https://elsewhere.example/x', 'events [*]', 'active: false'],
			unconfirmed: ['secret'],
			otherSecret: true,
		});
	});

	it('keeps another secret shown in full, which only Kakiyo can have made', () => {
		const own = `whsec_${'k'.repeat(40)}`;
		expect(judge(sent, { ...shown, secret: own })).toEqual({
			contradicted: [],
			unconfirmed: ['secret'],
			otherSecret: true,
			readableSecret: own,
		});
	});

	it.each([
		['hasSecret: false', { hasSecret: false }],
		['an empty secret', { secret: '' }],
		['a null secret', { secret: null }],
	])('takes %s as no secret at all', (_case, fields) => {
		expect(
			judge({ secret: 'x'.repeat(64) }, { id: 'wh_1', ...fields } as KakiyoWebhook).contradicted,
		).toEqual(['no signing secret']);
	});
});

describe('readableSecret', () => {
	it.each([
		['a 64-digit hex secret', 'a'.repeat(64)],
		['a prefixed one', `whsec_${'Zx9'.repeat(10)}`],
	])('takes %s', (_case, value) => {
		expect(readableSecret(value)).toBe(value);
	});

	it.each([
		['masked with stars', 'whsec_****************'],
		['masked with bullets', '••••••••••••••••••••'],
		['cut with an ellipsis', 'whsec_a1b2c3d4e5f6…'],
		['cut with three dots', 'whsec_a1b2c3d4e5f6...'],
		['a few leading characters', 'whsec_a1b2'],
		['with a space', 'whsec_a1b2c3d4 e5f6g7'],
		['not text', 42],
	])('refuses %s', (_case, value) => {
		expect(readableSecret(value)).toBeUndefined();
	});
});
