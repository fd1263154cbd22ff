import { publicWebhook } from '../../../nodes/Kakiyo/resources/webhook/webhookOutput';

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
