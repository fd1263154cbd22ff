import type { INodeProperties } from 'n8n-workflow';

/** One concrete event (not the `*` wildcard), for the example and test-send operations. */
export const eventParameter: INodeProperties = {
	displayName: 'Event Name or ID',
	name: 'event',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getSingleEventOptions' },
	required: true,
	default: '',
	description:
		'The Kakiyo event, for example linkedin.message.received. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};
