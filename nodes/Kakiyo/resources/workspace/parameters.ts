import type { INodeProperties } from 'n8n-workflow';

export const clientEmail: INodeProperties = {
	displayName: 'Email',
	name: 'email',
	type: 'string',
	placeholder: 'e.g. name@email.com',
	required: true,
	default: '',
	description: "The client user's email address",
};
