import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import { toList } from '../../shared/listResponse';
import { kakiyoApiRequest } from '../../shared/transport';

/** The prompt's model picker: Kakiyo's active models (`GET /models`), by name, valued by ID. */
export async function getModels(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const answer = await kakiyoApiRequest.call(this, {
		method: 'GET',
		path: '/models',
		maxRetries: 0,
	});
	return toList<IDataObject>(this.getNode(), answer, 'models')
		.filter((model) => model && typeof model.id === 'string')
		.map((model) => {
			const pricing = model.pricing as IDataObject | undefined;
			return {
				name: typeof model.name === 'string' && model.name ? model.name : String(model.id),
				value: String(model.id),
				description: pricing
					? `$${String(pricing.input)} input / $${String(pricing.output)} output per million tokens`
					: undefined,
			};
		})
		.sort((a, b) => a.name.localeCompare(b.name));
}
