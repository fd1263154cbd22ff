import type { INodeProperties } from 'n8n-workflow';

export const profileUrl: INodeProperties = {
	displayName: 'LinkedIn URL',
	name: 'url',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. https://www.linkedin.com/in/johnsmith',
	description:
		'The LinkedIn profile URL; Kakiyo also accepts linkedin.com/in/johnsmith or in/johnsmith, and ignores case and a trailing slash',
};
