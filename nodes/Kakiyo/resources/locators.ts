import type { IDataObject, INodeProperties } from 'n8n-workflow';
import type { ItemParameters } from '../engine/itemParameters';
import { idLocator } from '../engine/locator';

/*
 * Every resource locator of the node, in one place (as n8n's own nodes keep theirs in
 * `descriptions/rlc.description.ts`): an operation of any resource picks an agent, a campaign or a
 * conversation from here, rather than from another resource's parameters. Each description says
 * which ID it takes and where a workflow finds it: an AI agent using the node as a tool reads it.
 */

export const agentLocator = idLocator({
	name: 'agentId',
	displayName: 'Agent',
	searchListMethod: 'searchAgents',
	description:
		'The agent (a LinkedIn account): its ID, from Agent > Get Many or {{ $json.data.agentId }} of a Kakiyo Trigger event',
});

const campaignPicker = {
	name: 'campaignId',
	displayName: 'Campaign',
	searchListMethod: 'searchCampaigns',
};

export const campaignLocator = idLocator({
	...campaignPicker,
	description:
		'The campaign: its ID, from Campaign > Get Many or {{ $json.data.campaignId }} of a Kakiyo Trigger event',
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
		'The conversation: its chat ID (not the prospect ID), from Prospect > Get Many or {{ $json.data.chatId }} of a Kakiyo Trigger event',
});

export const prospectLocator = idLocator({
	name: 'prospectId',
	displayName: 'Prospect',
	searchListMethod: 'searchProspects',
	description:
		'The prospect: its prospect ID (not the chat ID), from Prospect > Get Many or {{ $json.data.prospectId }} of a Kakiyo Trigger event',
});

export const webhookLocator = idLocator({
	name: 'webhookId',
	displayName: 'Webhook',
	searchListMethod: 'searchWebhooks',
	description: 'The webhook: its ID, from Webhook > Get Many or the output of Webhook > Create',
});

export const workspaceLocator = idLocator({
	name: 'workspaceId',
	displayName: 'Workspace',
	searchListMethod: 'searchWorkspaces',
	description:
		"An agency's client workspace (Kakiyo Agency plan): its ID, from Workspace > Get Many",
});
