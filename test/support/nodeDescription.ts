import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { Kakiyo } from '../../nodes/Kakiyo/Kakiyo.node';

export const kakiyoProperties = (): INodeProperties[] => new Kakiyo().description.properties;

/** Every resource/operation pair the node's description offers, with the operation's option. */
export function operationsOf(): Array<{
	resource: string;
	operation: string;
	option: INodePropertyOptions;
}> {
	return kakiyoProperties()
		.filter((property) => property.name === 'operation')
		.flatMap((property) =>
			(property.displayOptions?.show?.resource ?? []).flatMap((resource) =>
				(property.options as INodePropertyOptions[]).map((option) => ({
					resource: String(resource),
					operation: String(option.value),
					option,
				})),
			),
		);
}
