import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import { listSearch } from './listSearch';

/** A bound on the pages read (100 campaigns each), so a server that pages forever cannot hang the editor. */
const MAX_PAGES = 100;

/** Every campaign as an option, for a parameter that takes several (round robin): all pages. */
export async function getCampaigns(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const options: INodePropertyOptions[] = [];
	let token: string | undefined;
	for (let page = 0; page < MAX_PAGES; page++) {
		const { results, paginationToken } = await listSearch.searchCampaigns.call(this, '', token);
		options.push(...results.map(({ name, value }) => ({ name, value: String(value) })));
		if (!paginationToken) break;
		token = paginationToken;
	}
	return options;
}
