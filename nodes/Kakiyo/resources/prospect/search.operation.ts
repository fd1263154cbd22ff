import type { Operation } from '../../engine/operation';
import { listOf } from '../../engine/outputs';

export const operation: Operation = {
	name: 'Search',
	value: 'search',
	action: 'Search prospects',
	description:
		"Find prospects across the team's campaigns by campaign, status, qualification or text, one item each (Kakiyo documents no filters; these are the ones it is known to take)",
	properties: [
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			options: [
				{
					displayName: 'Campaign ID',
					name: 'campaignId',
					type: 'string',
					default: '',
					description: 'Only prospects of this campaign',
				},
				{
					displayName: 'Qualification',
					name: 'qualification',
					type: 'options',
					options: [
						{ name: 'Disqualified', value: 'disqualified' },
						{ name: 'In Progress', value: 'inProgress' },
						{ name: 'Qualified', value: 'qualified' },
					],
					default: 'qualified',
					description: 'Only prospects with this qualification',
				},
				{
					displayName: 'Status',
					name: 'status',
					type: 'string',
					default: '',
					placeholder: 'e.g. replied',
					description: 'Only prospects in this status, for example replied',
				},
				{
					displayName: 'Text',
					name: 'q',
					type: 'string',
					default: '',
					placeholder: 'e.g. smith',
					description: 'Only prospects whose name or LinkedIn URL contains this text',
				},
			],
		},
	],
	method: 'GET',
	path: '/prospects/search',
	qs: (parameters) => parameters.fields('filters'),
	paging: { kind: 'single' },
	output: listOf('prospects'),
};
