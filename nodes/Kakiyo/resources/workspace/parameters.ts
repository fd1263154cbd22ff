import type { INodeProperties } from 'n8n-workflow';
import { idLocator } from '../../engine/locator';

export const workspaceLocator = idLocator({
	name: 'workspaceId',
	displayName: 'Workspace',
	searchListMethod: 'searchWorkspaces',
	description:
		"An agency's client workspace (Kakiyo Agency plan): its ID, from Workspace > Get Many",
});

export const clientEmail: INodeProperties = {
	displayName: 'Email',
	name: 'email',
	type: 'string',
	placeholder: 'e.g. name@email.com',
	required: true,
	default: '',
	description: "The client user's email address",
};
