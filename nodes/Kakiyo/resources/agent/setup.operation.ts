import type { Operation } from '../../engine/operation';
import { agentLocator } from '../locators';

export const operation: Operation = {
	name: 'Set Up',
	value: 'setup',
	action: 'Set up an agent',
	description:
		'Connect an agent to its LinkedIn account (login, password, country); the password is never output',
	effect: { undo: 'Set Up with the previous login' },
	properties: [
		agentLocator,
		{
			displayName: 'LinkedIn Login',
			name: 'login',
			type: 'string',
			placeholder: 'e.g. name@email.com',
			required: true,
			default: '',
			description: 'The email address the LinkedIn account signs in with',
		},
		{
			displayName: 'LinkedIn Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				"The LinkedIn account's password. Sent to Kakiyo only; never shown in the output, errors or logs.",
		},
		{
			displayName: 'Country',
			name: 'country',
			type: 'string',
			required: true,
			default: 'US',
			placeholder: 'e.g. US',
			description:
				'Two-letter code of the country the account is used from (ISO 3166-1 alpha-2, for example US, FR, DE); Kakiyo picks a proxy there',
		},
	],
	method: 'POST',
	path: '/agents/{agentId}/setup',
	secrets: ['password'],
	body: (parameters) => {
		const country = parameters.string('country').toUpperCase();
		if (!/^[A-Z]{2}$/.test(country)) {
			throw parameters.error(
				`Country "${country}" is not a two-letter code`,
				'Use the ISO 3166-1 alpha-2 code, for example US, GB, FR or DE.',
			);
		}
		parameters.string('password'); // refuses an empty one
		return {
			login: parameters.string('login'),
			// Sent exactly as typed: spaces may be part of a password.
			password: String(parameters.raw('password')),
			country,
		};
	},
};
