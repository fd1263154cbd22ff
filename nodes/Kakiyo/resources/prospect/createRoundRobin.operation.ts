import type { Operation } from '../../engine/operation';
import { PROSPECT_KEYS, prospectList } from './parameters';
import { readProspects } from './prospectInput';

export const operation: Operation = {
	name: 'Add Round Robin',
	value: 'createRoundRobin',
	action: 'Add prospects across campaigns in turn',
	description:
		'Share prospects out evenly across two or more campaigns in turn; outputs how many each one got',
	effect: { undo: 'Delete Many with the prospect IDs of each campaign' },
	properties: [
		{
			displayName: 'Campaign Names or IDs',
			name: 'campaignIds',
			type: 'multiOptions',
			typeOptions: { loadOptionsMethod: 'getCampaigns' },
			required: true,
			default: [],
			description:
				'At least two campaigns to share the prospects between: their IDs, from Campaign > Get Many. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		{
			...prospectList,
			description: `A JSON array of prospects, ${PROSPECT_KEYS}, and optionally "ongoing" (true to keep a conversation already under way) and "additionalFields"`,
		},
	],
	method: 'POST',
	path: '/prospects/batch/round-robin',
	body: (parameters) => {
		const campaignIds = [...new Set(parameters.list('campaignIds'))];
		if (campaignIds.length < 2) {
			throw parameters.error(
				'Choose at least two campaigns',
				'Round robin shares prospects between campaigns; to add them to one campaign, use Add Many.',
			);
		}
		return { campaignIds, prospects: readProspects(parameters, 'prospects') };
	},
};
