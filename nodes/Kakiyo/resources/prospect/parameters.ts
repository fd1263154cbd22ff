import type { INodeProperties } from 'n8n-workflow';

export const prospectName: INodeProperties = {
	displayName: 'Name',
	name: 'name',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. John Smith',
	description: "The prospect's full name",
};

export const prospectUrl: INodeProperties = {
	displayName: 'LinkedIn URL',
	name: 'url',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. https://www.linkedin.com/in/johnsmith',
	description: "The prospect's LinkedIn profile URL",
};

export const customData: INodeProperties = {
	displayName: 'Custom Data',
	name: 'customData',
	type: 'string',
	typeOptions: { rows: 4 },
	default: '',
	description:
		'Notes about the prospect that the agent can use when writing (up to 3,000 characters), for example from a CRM',
};

/** A prospect's optional fields (Add, and Add Many per input item); read with `readProspect`. */
export const prospectExtras: INodeProperties = {
	displayName: 'Additional Fields',
	name: 'additionalFields',
	type: 'collection',
	placeholder: 'Add Field',
	default: {},
	options: [
		customData,
		{
			displayName: 'Prospect Fields',
			name: 'prospectFields',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Prospect Field',
			default: {},
			description: 'Extra facts Kakiyo keeps with the prospect, such as company or email',
			options: [
				{
					displayName: 'Field',
					name: 'field',
					values: [
						{
							displayName: 'Field Name',
							name: 'fieldName',
							type: 'string',
							default: '',
							placeholder: 'e.g. company',
							description: 'What the value is',
						},
						{
							displayName: 'Field Value',
							name: 'fieldValue',
							type: 'string',
							default: '',
							description: 'The value',
						},
					],
				},
			],
		},
	],
};

// The keys are Kakiyo's own, lowercase (a description literal would be "corrected" to URL by lint).
export const PROSPECT_KEYS = 'each with the keys "name" and "url" (the LinkedIn profile address)';

export const prospectList: INodeProperties = {
	displayName: 'Prospects',
	name: 'prospects',
	type: 'json',
	required: true,
	default:
		'[\n  {\n    "name": "John Smith",\n    "url": "https://www.linkedin.com/in/johnsmith"\n  }\n]',
	description: `A JSON array of prospects, ${PROSPECT_KEYS}, and optionally "customData" and "additionalFields" (an array of {"fieldName", "fieldValue"})`,
};

/** Wait for Import and its bound: for operations that start an asynchronous import. */
export const waitForImport: INodeProperties[] = [
	{
		displayName: 'Wait for Import',
		name: 'waitForImport',
		type: 'boolean',
		default: false,
		description:
			'Whether to wait until Kakiyo has imported the prospects and output the import report, instead of the import list ID at once (each status check costs a credit)',
	},
	{
		displayName: 'Max Wait (Seconds)',
		name: 'maxWaitSeconds',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 3600 },
		default: 120,
		displayOptions: { show: { waitForImport: [true] } },
		description:
			'How long to wait for the import at most; past it the node fails with the import list ID, so you can check later with Get Import Status',
	},
];
