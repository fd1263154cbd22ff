import { ID_PLACEHOLDER } from '../../engine/locator';
import type { Operation } from '../../engine/operation';

export const operation: Operation = {
	name: 'Get Import Status',
	value: 'getImport',
	action: 'Get the status of a prospect import',
	description:
		'Get the report of an import started by Add or Add Many: its status, counts and result per profile',
	effect: 'read',
	properties: [
		{
			displayName: 'Import List ID',
			name: 'listId',
			type: 'string',
			required: true,
			default: '',
			placeholder: ID_PLACEHOLDER,
			description: 'The import list ID: listId in the output of Prospect > Add or Add Many',
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
