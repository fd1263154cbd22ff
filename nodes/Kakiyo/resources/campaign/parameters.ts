import type { IDataObject, INodeProperties } from 'n8n-workflow';
import type { ItemParameters } from '../../engine/itemParameters';

const threshold = (
	name: string,
	displayName: string,
	byDefault: number,
	description: string,
): INodeProperties => ({
	displayName,
	name,
	type: 'number',
	typeOptions: { minValue: 0, maxValue: 100 },
	default: byDefault,
	description,
});

/** The optional campaign fields create sets and update changes, in alphabetical order. */
export const campaignOptions: INodeProperties[] = [
	threshold(
		'qualificationAutomatic',
		'Automatic Qualification Threshold',
		70,
		'Score (0 to 100) from which Kakiyo qualifies a prospect automatically',
	),
	threshold(
		'qualificationVerification',
		'Verification Threshold',
		50,
		'Score (0 to 100) from which Kakiyo asks for a manual review before qualifying',
	),
	{
		displayName: 'Variables',
		name: 'variables',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Variable',
		default: {},
		description:
			"Values the campaign's prompt can use, for example companyValue, painPoint or benefit",
		options: [
			{
				displayName: 'Variable',
				name: 'variable',
				values: [
					{
						displayName: 'Name',
						name: 'name',
						type: 'string',
						default: '',
						placeholder: 'e.g. painPoint',
						description: 'The variable name the prompt refers to',
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						description: 'The text the prompt gets for it',
					},
				],
			},
		],
	},
];

export const campaignName: INodeProperties = {
	displayName: 'Name',
	name: 'name',
	type: 'string',
	default: '',
	placeholder: 'e.g. Q3 Enterprise Outreach',
	description: 'The campaign name, 3 to 100 characters',
};

/**
 * The set campaign fields of a collection as Kakiyo takes them: thresholds as numbers and variables
 * as a `{name: value}` object. Variables are set only by a row with a name: the option added with no
 * row (n8n saves `{}`) is not a change, so Kakiyo keeps the campaign's variables.
 */
export function campaignFields(parameters: ItemParameters, collection: string): IDataObject {
	const { variables, ...fields } = parameters.fields(collection);
	const object =
		typeof variables === 'string'
			? parameters.json<IDataObject>(`${collection}.variables`, variables)
			: variableRows(variables);
	return object && Object.keys(object).length > 0 ? { ...fields, variables: object } : fields;
}

/** The Variables rows as `{name: value}`; rows without a name are left out. */
function variableRows(variables: unknown): IDataObject | undefined {
	const rows = (variables as IDataObject | undefined)?.variable;
	if (!Array.isArray(rows)) return undefined;
	const object: IDataObject = {};
	for (const { name, value } of rows as IDataObject[]) {
		const key = String(name ?? '').trim();
		if (key) object[key] = String(value ?? '');
	}
	return object;
}
