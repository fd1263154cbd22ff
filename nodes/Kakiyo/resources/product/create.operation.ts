import type { Operation } from '../../engine/operation';

export const operation: Operation = {
	name: 'Create',
	value: 'create',
	action: 'Create a product',
	description: 'Describe a product or service that campaigns can talk about',
	effect: 'permanent',
	properties: [
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. Enterprise Plan',
			description: 'The product name, as campaigns refer to it',
		},
		{
			displayName: 'Description',
			name: 'description',
			type: 'string',
			typeOptions: { rows: 4 },
			required: true,
			default: '',
			description:
				'What the product is and does, its benefits and who it is for: the agent uses it to write messages',
		},
	],
	method: 'POST',
	path: '/products',
	body: (parameters) => ({
		name: parameters.string('name'),
		description: parameters.string('description'),
	}),
};
