import type { INodeProperties } from 'n8n-workflow';

export interface LocatorOptions {
	/** The parameter name, e.g. `agentId`; the runner reads it with `ItemParameters.id`. */
	name: string;
	/** What is picked, e.g. "Agent". */
	displayName: string;
	/** The `listSearch` method that lists the choices. */
	searchListMethod: string;
	/** For users and AI agents: what the ID identifies and where to find it. */
	description: string;
	/** An example ID, e.g. "69724b7100331796aae2". */
	example: string;
	/** A field of a collection (a filter, a safety check): optional, read with `ItemParameters.optionalId`. */
	inCollection?: boolean;
}

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
				placeholder: `Select a ${options.displayName.toLowerCase()}...`,
				typeOptions: { searchListMethod: options.searchListMethod, searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: `e.g. ${options.example}`,
			},
		],
	};
}
