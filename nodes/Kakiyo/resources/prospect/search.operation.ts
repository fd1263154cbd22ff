import type { Operation } from '../../engine/operation';
import { listOf } from '../../engine/outputs';
import { campaignFilter, campaignFilterField } from '../locators';

// Kakiyo lists this endpoint but documents none of its parameters (docs/kakiyo-api.md#prospects):
// `status` and `limit` come from Kakiyo's one example, `campaignId` is inferred, `qualification` and
// `q` from no source.
const UNDOCUMENTED = 'Kakiyo does not document this filter and may ignore it';

export const operation: Operation = {
	name: 'Search',
	value: 'search',
	action: 'Search prospects',
	description:
		"Search the team's prospects, one item each; Kakiyo does not document the filters and may ignore some",
	effect: 'read',
	properties: [
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			options: [
				campaignFilterField(`Only prospects of this campaign; ${UNDOCUMENTED}`),
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
					description: `Only prospects with this qualification; ${UNDOCUMENTED}`,
				},
				{
					displayName: 'Status',
					name: 'status',
					type: 'string',
					default: '',
					placeholder: 'e.g. replied',
					description:
						"Only prospects in this status, for example replied, as in Kakiyo's own example",
				},
				{
					displayName: 'Text',
					name: 'q',
					type: 'string',
					default: '',
					placeholder: 'e.g. smith',
					description: `Only prospects whose name or LinkedIn URL contains this text; ${UNDOCUMENTED}`,
				},
			],
		},
	],
	method: 'GET',
	path: '/prospects/search',
	// Limit is sent as `limit`, as in Kakiyo's example; Return All sends none, so Kakiyo's own
	// (undocumented) default applies, and the one answer is kept whole.
	qs: (parameters) => ({
		...parameters.fields('filters'),
		...campaignFilter(parameters, 'filters'),
		...(parameters.boolean('returnAll') ? {} : { limit: parameters.number('limit') }),
	}),
	paging: { kind: 'single' },
	output: listOf('prospects'),
};
