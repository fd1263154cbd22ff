import type { INodeProperties } from 'n8n-workflow';

/** The one example ID every ID field shows: Kakiyo's IDs are 20 lowercase hex characters. */
export const EXAMPLE_ID = '69724b7100331796aae2';

/** The placeholder of a field that takes one Kakiyo ID. */
export const ID_PLACEHOLDER = `e.g. ${EXAMPLE_ID}`;

export interface LocatorOptions {
	/** The parameter name, e.g. `agentId`; the runner reads it with `ItemParameters.id`. */
	name: string;
	/** What is picked, e.g. "Agent". */
	displayName: string;
	/** The `listSearch` method that lists the choices. */
	searchListMethod: string;
	/**
	 * For users and AI agents: which ID it takes and where a workflow finds it, e.g. "The agent's ID,
	 * from Agent > Get Many or {{ $json.data.agentId }} of a Kakiyo Trigger event".
	 */
	description: string;
	/** A field of a collection (a filter, a safety check): optional, read with `ItemParameters.optionalId`. */
	inCollection?: boolean;
}

/** "a campaign", "an agent". */
const withArticle = (noun: string) => `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`;

/**
 * A Kakiyo object picked from a searchable list or given by ID (typed, or from an expression such
 * as `{{ $json.data.campaignId }}`). Kakiyo IDs are opaque strings, so the ID mode has no pattern.
 */
export function idLocator(options: LocatorOptions): INodeProperties {
	return {
		displayName: options.displayName,
		name: options.name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		...(options.inCollection ? {} : { required: true }),
		description: options.description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: `Select ${withArticle(options.displayName.toLowerCase())}...`,
				typeOptions: { searchListMethod: options.searchListMethod, searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: ID_PLACEHOLDER,
			},
		],
	};
}
