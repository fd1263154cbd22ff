import type { Operation } from '../../engine/operation';

export const operation: Operation = {
	name: 'Get Import Status',
	value: 'getImport',
	action: 'Get the status of a prospect import',
	description:
		'Get the report of a prospect import started by Add or Add Many: its status and, per profile, whether it was imported, already there, invalid or on the Do Not Contact list',
	properties: [
		{
			displayName: 'Import List ID',
			name: 'listId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. 69724b7100331796aae2',
			description: 'The import list ID that Add or Add Many output as listId',
		},
	],
	method: 'GET',
	path: '/prospects/imports/{listId}',
	// The counts; Simplify off adds the per-profile report (with each new prospect's chat ID).
	simplify: [
		'listId',
		'campaignId',
		'status',
		'total',
		'imported',
		'existing',
		'invalid',
		'skippedDnc',
		'enrichmentFailed',
		'completedAt',
	],
};
