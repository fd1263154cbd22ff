import { NodeOperationError, type IDataObject } from 'n8n-workflow';
import { unlessObject, unlessObjectOrEmpty } from './answerCheck';
import { toList } from './listResponse';
import { apiPath, kakiyoApiRequest, type KakiyoApiContext, type RetryPolicy } from './transport';

/** A webhook as Kakiyo describes it; fields beyond `id` are optional because the docs are thin. */
export interface KakiyoWebhook extends IDataObject {
	id: string;
	name?: string;
	url?: string;
	events?: string[];
	active?: boolean;
	secret?: string;
}

export interface WebhookFields extends IDataObject {
	name?: string;
	url?: string;
	events?: string[];
	secret?: string;
	active?: boolean;
}

/** The signing secret sent, so that an error echoing it does not show it. */
function secretsOf(fields: WebhookFields): string[] {
	return typeof fields.secret === 'string' ? [fields.secret] : [];
}

function webhookLabel(id: string): string {
	return `webhook "${id}"`;
}

/** An object with a webhook id: what a list entry or an answer must be to describe a webhook. */
function isWebhook(value: unknown): value is KakiyoWebhook {
	return (
		typeof value === 'object' &&
		value !== null &&
		!Array.isArray(value) &&
		typeof (value as IDataObject).id === 'string' &&
		(value as IDataObject).id !== ''
	);
}

/** The webhook an answer describes, bare or wrapped as `{webhook: …}` / `{data: …}`, if any. */
export function findWebhook(response: unknown): KakiyoWebhook | undefined {
	const candidates = [
		response,
		(response as IDataObject | null)?.webhook,
		(response as IDataObject | null)?.data,
	];
	return candidates.find(isWebhook);
}

/** `findWebhook`, where an answer without a webhook is a clear error. */
export function toWebhook(
	context: KakiyoApiContext,
	response: unknown,
	what: string,
): KakiyoWebhook {
	const webhook = findWebhook(response);
	if (!webhook) {
		throw new NodeOperationError(
			context.getNode(),
			`Kakiyo's answer to ${what} has no webhook ID`,
			{
				description:
					'Kakiyo answered without the webhook it should describe. Kakiyo may have changed its API; check the webhook in the Kakiyo dashboard.',
			},
		);
	}
	return webhook;
}

export async function listWebhooks(
	this: KakiyoApiContext,
	retry?: Readonly<RetryPolicy>,
): Promise<KakiyoWebhook[]> {
	const response = await kakiyoApiRequest.call(this, { method: 'GET', path: '/webhooks', retry });
	// An entry that is not a webhook (null, say) describes nothing anyone could manage.
	return toList<unknown>(this.getNode(), response, 'webhooks').filter(isWebhook);
}

export async function getWebhook(
	this: KakiyoApiContext,
	id: string,
	retry?: Readonly<RetryPolicy>,
): Promise<KakiyoWebhook> {
	const response = await kakiyoApiRequest.call(this, {
		method: 'GET',
		path: apiPath('webhooks', id),
		resource: webhookLabel(id),
		refuse: unlessObject,
		retry,
	});
	return toWebhook(this, response, 'getting a webhook');
}

export async function createWebhook(
	this: KakiyoApiContext,
	fields: WebhookFields,
	retry?: Readonly<RetryPolicy>,
): Promise<KakiyoWebhook> {
	const response = await kakiyoApiRequest.call(this, {
		method: 'POST',
		path: '/webhooks',
		body: fields,
		secrets: secretsOf(fields),
		refuse: unlessObject,
		retry,
	});
	return toWebhook(this, response, 'creating a webhook');
}

/**
 * Changes a webhook and returns Kakiyo's answer as it is: a JSON object without an error, which may
 * or may not describe the webhook (Kakiyo's update endpoint is undocumented).
 */
export async function putWebhook(
	this: KakiyoApiContext,
	id: string,
	changes: WebhookFields,
	retry?: Readonly<RetryPolicy>,
): Promise<IDataObject> {
	return (await kakiyoApiRequest.call(this, {
		method: 'PUT',
		path: apiPath('webhooks', id),
		body: changes,
		resource: webhookLabel(id),
		secrets: secretsOf(changes),
		refuse: unlessObject,
		retry,
	})) as IDataObject;
}

export async function deleteWebhook(
	this: KakiyoApiContext,
	id: string,
	retry?: Readonly<RetryPolicy>,
): Promise<IDataObject> {
	return (await kakiyoApiRequest.call(this, {
		method: 'DELETE',
		path: apiPath('webhooks', id),
		resource: webhookLabel(id),
		refuse: unlessObjectOrEmpty,
		retry,
	})) as IDataObject;
}
