import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import { listSearch } from './listSearch';

/** The campaigns as options, for a parameter that takes several (round robin). */
export async function getCampaigns(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const { results } = await listSearch.searchCampaigns.call(this);
	return results.map(({ name, value }) => ({ name, value: String(value) }));
}
