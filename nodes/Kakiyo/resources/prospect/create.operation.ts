import type { IDataObject } from 'n8n-workflow';
import type { Operation } from '../../engine/operation';
import { campaignLocator } from '../locators';
import { importResult } from './importWait';
import { customData, prospectName, prospectUrl, waitForImport } from './parameters';
import { readCustomData } from './prospectInput';

export const operation: Operation = {
	name: 'Add',
	value: 'create',
	action: 'Add a prospect to a campaign',
	description:
		'Add one LinkedIn profile to a campaign: Kakiyo imports it in the background and returns an import list ID, or with Wait for Import the node outputs the import report',
	properties: [
		{ ...campaignLocator, description: 'The campaign the prospect joins' },
		prospectName,
		prospectUrl,
		{
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
		},
		...waitForImport,
	],
	method: 'POST',
	path: '/prospects',
	body: (parameters) => {
		const extra = parameters.fields('additionalFields');
		const fields = ((extra.prospectFields as IDataObject | undefined)?.field ??
			[]) as IDataObject[];
		const additionalFields = fields
			.map(({ fieldName, fieldValue }) => ({
				fieldName: String(fieldName ?? '').trim(),
				fieldValue: String(fieldValue ?? ''),
			}))
			.filter(({ fieldName }) => fieldName);
		return {
			campaignId: parameters.id('campaignId'),
			name: parameters.string('name'),
			url: parameters.string('url'),
			...(additionalFields.length > 0 ? { additionalFields } : {}),
			...(extra.customData !== undefined
				? { customData: readCustomData(parameters, 'additionalFields.customData') }
				: {}),
		};
	},
	async run(parameters, calls) {
		return await importResult(parameters, calls, await calls.call());
	},
};
