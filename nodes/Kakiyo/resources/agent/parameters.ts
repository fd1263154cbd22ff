import { idLocator } from '../../engine/locator';

/** What Simplify keeps of an agent (Get, Get Many): who it is, its state and what needs attention. */
export const SIMPLIFIED_AGENT = ['id', 'name', 'status', 'login', 'country', 'nextTask', 'alerts'];

export const agentLocator = idLocator({
	name: 'agentId',
	displayName: 'Agent',
	searchListMethod: 'searchAgents',
	description:
		'The Kakiyo agent: a LinkedIn account that sends invitations and messages for campaigns',
	example: '69724b7100331796aae2',
});
