import {
	judgeCreated,
	judgeReread,
	judgeUpdate,
	mayBeOurs,
	namesWebhook,
	pickKeeper,
	repairs,
	sortListed,
} from '../../../nodes/KakiyoTrigger/hookDecisions';
import type { KakiyoWebhook } from '../../../nodes/shared/webhooksApi';

const URL = 'https://n8n.example.com/webhook/abc/webhook';
const EVENTS = ['linkedin.message.received'];
const NAME = 'n8n: Replies / Kakiyo Trigger [workflow 7, production]';
const SECRET = 'a'.repeat(64);

const hook = (id: string, fields: Partial<KakiyoWebhook> = {}): KakiyoWebhook => ({
	id,
	name: NAME,
	url: URL,
	events: EVENTS,
	active: true,
	hasSecret: true,
	...fields,
});

describe('which hooks are ours', () => {
	it('a hook is ours unless it shows another URL', () => {
		expect(mayBeOurs(hook('a'), URL)).toBe(true);
		expect(mayBeOurs(hook('a', { url: 'HTTPS://n8n.example.com/webhook/abc/webhook/' }), URL)).toBe(
			true,
		);
		expect(mayBeOurs(hook('a', { url: undefined }), URL)).toBe(true);
		expect(mayBeOurs(hook('a', { url: 'https://elsewhere.example.com/hook' }), URL)).toBe(false);
	});

	it('from the list: the hooks with our URL, and the stored one unless it delivers elsewhere', () => {
		const mine = hook('mine');
		const stranger = hook('stranger', { url: 'https://elsewhere.example.com/hook' });
		const storedWithoutUrl = hook('stored', { url: undefined });
		expect(sortListed([mine, stranger, storedWithoutUrl], URL, 'stored')).toEqual({
			ours: [mine, storedWithoutUrl],
			foreign: [],
		});
		// A hook without a URL that is not the stored one is nobody's we know.
		expect(sortListed([mine, storedWithoutUrl], URL)).toEqual({ ours: [mine], foreign: [] });
	});

	it('the stored id on a hook with another URL is foreign (a copied workflow), never ours', () => {
		const copied = hook('stored', { url: 'https://original.example.com/webhook/1/webhook' });
		const mine = hook('mine');
		expect(sortListed([copied, mine], URL, 'stored')).toEqual({ ours: [mine], foreign: [copied] });
	});
});

describe('which hook is kept', () => {
	it('prefers an active hook with the chosen events, then any active one, then the first', () => {
		const disabled = hook('disabled', { active: false });
		const otherEvents = hook('other', { events: ['prospect.qualified'] });
		const ready = hook('ready', { events: [...EVENTS].reverse() });
		expect(pickKeeper([disabled, otherEvents, ready], EVENTS)).toEqual({
			keeper: ready,
			duplicates: [disabled, otherEvents],
		});
		expect(pickKeeper([disabled, otherEvents], EVENTS).keeper).toBe(otherEvents);
		expect(pickKeeper([disabled, hook('off', { active: false })], EVENTS).keeper).toBe(disabled);
		expect(pickKeeper([ready], EVENTS)).toEqual({ keeper: ready, duplicates: [] });
	});
});

describe('what a kept hook needs', () => {
	const known = { webhookSecret: SECRET, webhookEvents: EVENTS };

	it('nothing when it is healthy and the secret is held', () => {
		expect(repairs(hook('a'), EVENTS, known, NAME)).toEqual({ changes: {}, newSecret: false });
	});

	it('the chosen events, in whatever order Kakiyo shows them', () => {
		const twoEvents = ['linkedin.message.received', 'prospect.qualified'];
		expect(
			repairs(hook('a', { events: [...twoEvents].reverse() }), twoEvents, known, NAME),
		).toEqual({ changes: {}, newSecret: false });
		expect(
			repairs(hook('a', { events: ['prospect.qualified'] }), EVENTS, known, NAME).changes,
		).toEqual({ events: EVENTS });
	});

	it('the events stored, when Kakiyo does not show any; the chosen ones when neither says', () => {
		const silent = hook('a', { events: undefined });
		expect(repairs(silent, EVENTS, known, NAME).changes).toEqual({});
		expect(repairs(silent, EVENTS, { webhookSecret: SECRET }, NAME).changes).toEqual({
			events: EVENTS,
		});
	});

	it('enabled again with a new secret, when Kakiyo disabled it', () => {
		expect(repairs(hook('a', { active: false }), EVENTS, known, NAME)).toEqual({
			changes: { active: true },
			newSecret: true,
		});
	});

	it('the current name, when Kakiyo shows another; nothing when it shows none', () => {
		expect(repairs(hook('a', { name: 'old' }), EVENTS, known, NAME).changes).toEqual({
			name: NAME,
		});
		expect(repairs(hook('a', { name: ` ${NAME} ` }), EVENTS, known, NAME).changes).toEqual({});
		expect(repairs(hook('a', { name: undefined }), EVENTS, known, NAME).changes).toEqual({});
	});

	it('a new secret when none is held (found by URL) or Kakiyo says it has none', () => {
		expect(repairs(hook('a'), EVENTS, {}, NAME).newSecret).toBe(true);
		expect(repairs(hook('a', { hasSecret: false }), EVENTS, known, NAME).newSecret).toBe(true);
	});
});

describe('what an answer settles', () => {
	const changes = { events: EVENTS, active: true, secret: SECRET };

	it('a deletion is confirmed by an answer that names the hook, bare or wrapped', () => {
		expect(namesWebhook({ message: 'Webhook deleted successfully', id: 'a' }, 'a')).toBe(true);
		expect(namesWebhook({ data: hook('a') }, 'a')).toBe(true);
		expect(namesWebhook({ message: 'Webhook deleted successfully' }, 'a')).toBe(false);
		expect(namesWebhook({ id: 'b' }, 'a')).toBe(false);
		expect(namesWebhook(null, 'a')).toBe(false);
	});

	it('an update answer showing the hook as sent confirms it', () => {
		expect(judgeUpdate(changes, { webhook: hook('a') }, 'a')).toEqual({ kind: 'confirmed' });
	});

	it('an update answer contradicting a change is refused, with what it showed', () => {
		const verdict = judgeUpdate(changes, hook('a', { active: false }), 'a');
		expect(verdict).toMatchObject({
			kind: 'contradicted',
			judgement: { contradicted: ['active: false'] },
		});
	});

	it('a new secret the answer does not confirm replaces the hook', () => {
		expect(judgeUpdate(changes, { message: 'Webhook updated' }, 'a')).toEqual({ kind: 'replace' });
		expect(judgeUpdate(changes, hook('a', { secret: 'whsec_****' }), 'a')).toEqual({
			kind: 'replace',
		});
		// Another hook's description confirms nothing about this one.
		expect(judgeUpdate(changes, hook('b'), 'a')).toEqual({ kind: 'replace' });
	});

	it('other fields the answer does not show are read again', () => {
		const noSecret = { events: EVENTS, active: true };
		expect(judgeUpdate(noSecret, { message: 'Webhook updated' }, 'a')).toEqual({
			kind: 'reread',
			unconfirmed: ['events', 'active'],
		});
	});

	it('reading again confirms, contradicts, or leaves unknown only what neither showed', () => {
		const noSecret = { events: EVENTS, active: true };
		expect(judgeReread(noSecret, hook('a'), ['events', 'active'])).toEqual({ kind: 'confirmed' });
		expect(judgeReread(noSecret, hook('a', { events: ['x'] }), ['events'])).toMatchObject({
			kind: 'contradicted',
		});
		expect(judgeReread(noSecret, hook('a', { active: undefined }), ['events', 'active'])).toEqual({
			kind: 'unknown',
			fields: ['active'],
		});
		// What the first answer confirmed need not show again.
		expect(judgeReread(noSecret, hook('a', { active: undefined }), ['events'])).toEqual({
			kind: 'confirmed',
		});
	});
});

describe('what a create answer settles', () => {
	const sent = { name: NAME, url: URL, events: EVENTS, secret: SECRET };

	it('the secret sent, when the answer shows the hook without a secret, as Kakiyo does', () => {
		expect(judgeCreated(sent, hook('a'))).toEqual({
			kind: 'confirmed',
			secret: SECRET,
			kakiyoMade: false,
		});
	});

	it("Kakiyo's own secret, when the answer shows one in full", () => {
		const own = 'b'.repeat(40);
		expect(judgeCreated(sent, hook('a', { secret: own }))).toEqual({
			kind: 'confirmed',
			secret: own,
			kakiyoMade: true,
		});
	});

	it('refuses a masked secret, and an answer contradicting what was sent', () => {
		expect(judgeCreated(sent, hook('a', { secret: 'whsec_****' }))).toEqual({
			kind: 'refused',
			problems: ['another signing secret than the one sent'],
		});
		expect(judgeCreated(sent, hook('a', { events: ['prospect.qualified'] }))).toEqual({
			kind: 'refused',
			problems: ['events [prospect.qualified]'],
		});
	});
});
