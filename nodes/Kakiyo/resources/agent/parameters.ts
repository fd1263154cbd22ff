import { idLocator } from '../../engine/locator';

/** What Simplify keeps of an agent (Get, Get Many): who it is, its state and what needs attention. */
export const SIMPLIFIED_AGENT = ['id', 'name', 'status', 'login', 'country', 'nextTask', 'alerts'];

export const agentLocator = idLocator({
	name: 'agentId',
	displayName: 'Agent',
	searchListMethod: 'searchAgents',
	description:
		'The agent (a LinkedIn account): its ID, from Agent > Get Many or {{ $json.data.agentId }} of a Kakiyo Trigger event',
});
