import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { listWebhooks, type KakiyoWebhook } from '../../shared/webhooksApi';

function label(webhook: KakiyoWebhook): string {
	const name = webhook.name || webhook.id;
	const where = webhook.url ? ` (${webhook.url})` : '';
	return `${name}${where}${webhook.active === false ? ' [inactive]' : ''}`;
}

/** The webhook picker: the team's webhooks, filtered by ID, name or URL as the user types. */
export async function searchWebhooks(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const needle = (filter ?? '').trim().toLowerCase();
	const webhooks = await listWebhooks.call(this);
	const results = webhooks
		.filter(
			(webhook) =>
				!needle ||
				[webhook.id, webhook.name, webhook.url].some(
					(text) => typeof text === 'string' && text.toLowerCase().includes(needle),
				),
		)
		.map((webhook) => ({ name: label(webhook), value: webhook.id }));
	return { results };
}
