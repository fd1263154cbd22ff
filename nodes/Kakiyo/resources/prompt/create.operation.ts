import type { Operation } from '../../engine/operation';

export const operation: Operation = {
	name: 'Create',
	value: 'create',
	action: 'Create a prompt',
	description: 'Create a prompt that shapes how an agent writes invitations or messages',
	effect: 'permanent',
	properties: [
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. Friendly follow-up',
			description: 'The prompt name',
		},
		{
			displayName: 'Model Name or ID',
			name: 'model',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getModels' },
			required: true,
			default: '',
			description:
				'The AI model that writes with this prompt, from Kakiyo\'s model list. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		{
			displayName: 'Type',
			name: 'type',
			type: 'options',
			options: [
				{
					name: 'Message',
					value: 'message',
					description: 'Writes the messages of a conversation',
				},
				{
					name: 'Invitation',
					value: 'invitation',
					description: 'Writes the note of a connection invitation',
				},
			],
			default: 'message',
			description:
				'What the prompt writes; Kakiyo does not document the values, these are the ones its own node sends',
		},
	],
	method: 'POST',
	path: '/prompts',
	body: (parameters) => ({
		name: parameters.string('name'),
		model: parameters.string('model'),
		type: parameters.string('type'),
	}),
};
