import type { IDataObject, INodeProperties } from 'n8n-workflow';
import type { ItemParameters } from '../engine/itemParameters';
import { idLocator } from '../engine/locator';

/*
 * Every resource locator of the node, in one place (as n8n's own nodes keep theirs in
 * `descriptions/rlc.description.ts`): an operation of any resource picks an agent, a campaign or a
 * conversation from here, rather than from another resource's parameters.
 */

export const agentLocator = idLocator({
	name: 'agentId',
	displayName: 'Agent',
	searchListMethod: 'searchAgents',
	description:
		'The Kakiyo agent: a LinkedIn account that sends invitations and messages for campaigns',
	example: '69724b7100331796aae2',
});

const campaignPicker = {
	name: 'campaignId',
	displayName: 'Campaign',
	searchListMethod: 'searchCampaigns',
	example: '69724b7100331796aae2',
};

export const campaignLocator = idLocator({
	...campaignPicker,
	description: 'The Kakiyo campaign: one agent reaching out to prospects about one product',
});

/** The campaign picker as an optional field of a collection; read it with `campaignFilter`. */
export const campaignFilterField = (description: string): INodeProperties =>
	idLocator({ ...campaignPicker, description, inCollection: true });

/** The campaign picked in a collection's Campaign field as `{campaignId}`; nothing when not added. */
export function campaignFilter(parameters: ItemParameters, collection: string): IDataObject {
	const campaignId = parameters.optionalId(`${collection}.campaignId`);
	return campaignId === undefined ? {} : { campaignId };
}

export const chatLocator = idLocator({
	name: 'chatId',
	displayName: 'Conversation',
	searchListMethod: 'searchConversations',
	description:
		'The conversation with the prospect (its chat ID). From a Kakiyo Trigger event, use {{ $json.data.chatId }}.',
	example: '69724b7100331796aae2',
});

export const prospectLocator = idLocator({
	name: 'prospectId',
	displayName: 'Prospect',
	searchListMethod: 'searchProspects',
	description:
		'The prospect (its prospect ID, not the chat ID). From a Kakiyo Trigger event, use {{ $json.data.prospectId }}.',
	example: '69724b7100331796aae2',
});

export const webhookLocator = idLocator({
	name: 'webhookId',
	displayName: 'Webhook',
	searchListMethod: 'searchWebhooks',
	description: 'The Kakiyo webhook to act on',
	example: 'wh_1a2b3c4d',
});

export const workspaceLocator = idLocator({
	name: 'workspaceId',
	displayName: 'Workspace',
	searchListMethod: 'searchWorkspaces',
	description: "An agency's client workspace (Kakiyo Agency plan)",
	example: '69724b7100331796aae2',
});
