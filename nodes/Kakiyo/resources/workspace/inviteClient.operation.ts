import type { Operation } from '../../engine/operation';
import { workspaceLocator } from '../locators';
import { clientEmail } from './parameters';

export const operation: Operation = {
	name: 'Invite Client',
	value: 'inviteClient',
	action: 'Invite a client to a workspace',
	description:
		'Give a client user access to a workspace; Kakiyo emails them a sign-in link to the client portal',
	effect: { undo: 'Remove Client (the email is sent all the same)' },
	properties: [
		workspaceLocator,
		clientEmail,
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				{
					displayName: 'Redirect URL',
					name: 'redirectUrl',
					type: 'string',
					default: '',
					placeholder: 'e.g. https://app.example.com/welcome',
					description: 'Where the sign-in link leads after signing in',
				},
				{
					displayName: 'Roles',
					name: 'roles',
					type: 'string',
					default: '',
					placeholder: 'e.g. member',
					description:
						'The client\'s roles in the workspace, separated by commas; Kakiyo gives "member" when none is set',
				},
			],
		},
	],
	method: 'POST',
	path: '/workspaces/{workspaceId}/invite',
	body: (parameters) => {
		const { redirectUrl } = parameters.fields('additionalFields');
		const roleList = parameters.list('additionalFields.roles');
		return {
			email: parameters.string('email'),
			...(roleList.length > 0 ? { roles: roleList } : {}),
			...(redirectUrl ? { redirectUrl } : {}),
		};
	},
};
