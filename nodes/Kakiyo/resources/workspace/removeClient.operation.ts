import type { Operation } from '../../engine/operation';
import { workspaceLocator } from '../locators';
import { clientEmail } from './parameters';

export const operation: Operation = {
	name: 'Remove Client',
	value: 'removeClient',
	action: 'Remove a client from a workspace',
	description: "Take a client user's access to a workspace away (the user is identified by email)",
	effect: { undo: 'Invite Client' },
	properties: [workspaceLocator, clientEmail],
	method: 'DELETE',
	path: '/workspaces/{workspaceId}/clients',
	// Kakiyo reads the email from the body of this DELETE.
	body: (parameters) => ({ email: parameters.string('email') }),
};
