import { publicWebhook, webhookIn } from '../../../nodes/Kakiyo/resources/webhook/webhookOutput';

describe('publicWebhook never outputs a secret', () => {
	it.each([
		[
			'a secret in the answer',
			{ id: 'a', secret: 'placeholder-secret' },
			false,
			{ id: 'a', hasSecret: true },
		],
		['an empty secret', { id: 'a', secret: '' }, false, { id: 'a', hasSecret: false }],
		['a null secret', { id: 'a', secret: null }, false, { id: 'a', hasSecret: false }],
		[
			'other secret-named fields',
			{ id: 'a', signingSecret: 'x', secret_key: 'y' },
			false,
			{ id: 'a', hasSecret: true },
		],
		["Kakiyo's own hasSecret", { id: 'a', hasSecret: false }, false, { id: 'a', hasSecret: false }],
		['a secret the node sent', { id: 'a', hasSecret: false }, true, { id: 'a', hasSecret: true }],
		['no word on secrets', { id: 'a', name: 'CRM' }, false, { id: 'a', name: 'CRM' }],
	])('%s', (_case, webhook, secretSent, expected) => {
		expect(publicWebhook(webhook, secretSent)).toEqual(expected);
	});
});

describe('webhookIn reads the webhook an answer describes', () => {
	const hook = { id: 'a1b2c3', name: 'CRM', active: false };

	it.each([
		['a bare webhook', { ...hook, message: 'Webhook updated successfully' }],
		['{webhook}', { message: 'Webhook updated successfully', webhook: hook }],
		['{data}', { message: 'Webhook updated successfully', data: hook }],
	])('from %s, with the message Kakiyo gave', (_shape, answer) => {
		expect(webhookIn(answer, 'a1b2c3')).toEqual({
			...hook,
			message: 'Webhook updated successfully',
		});
	});

	it('keeps an answer naming no webhook as it came, with the ID that was asked for', () => {
		expect(webhookIn({ message: 'Webhook updated successfully' }, 'a1b2c3')).toEqual({
			id: 'a1b2c3',
			message: 'Webhook updated successfully',
		});
		expect(webhookIn({ message: 'Created' })).toEqual({ message: 'Created' });
		expect(webhookIn(undefined, 'a1b2c3')).toEqual({ id: 'a1b2c3' });
	});
});
