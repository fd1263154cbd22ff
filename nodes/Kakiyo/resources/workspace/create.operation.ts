import type { Operation } from '../../engine/operation';

export const operation: Operation = {
	name: 'Create',
	value: 'create',
	action: 'Create a workspace',
	description: 'Create a client workspace with its own client team (Agency plan)',
	effect: { undo: 'Delete' },
	properties: [
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. Acme Corp',
			description: "The workspace name, usually the client's",
		},
	],
	method: 'POST',
	path: '/workspaces',
	body: (parameters) => ({ name: parameters.string('name') }),
};
