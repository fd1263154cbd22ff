import type { IDataObject } from 'n8n-workflow';
import { toList } from '../../../shared/listResponse';
import type { Operation } from '../../engine/operation';

export const operation: Operation = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many webhook events',
	description: 'List the events Kakiyo can deliver to webhooks, one item per event',
	effect: 'read',
	properties: [],
	method: 'GET',
	path: '/webhooks/test/events',
	paging: { kind: 'single' },
	// Kakiyo lists events as objects; a bare name is accepted too, as `{id}`.
	output: (answer, parameters) =>
		toList<unknown>(parameters.context.getNode(), answer, 'events').map((event) =>
			event && typeof event === 'object' ? (event as IDataObject) : { id: String(event) },
		),
};
