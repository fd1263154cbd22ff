import { idLocator } from '../../engine/locator';

export const agentLocator = idLocator({
	name: 'agentId',
	displayName: 'Agent',
	searchListMethod: 'searchAgents',
	description:
		'The Kakiyo agent: a LinkedIn account that sends invitations and messages for campaigns',
	example: '69724b7100331796aae2',
});
