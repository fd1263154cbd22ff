import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INode,
	type INodeExecutionData,
} from 'n8n-workflow';
import { unlessObject, unlessObjectOrEmpty, type AnswerCheck } from '../../shared/answerCheck';
import { isNodeError } from '../../shared/transport/nodeError';
import type { RetryPolicy } from '../../shared/transport/retryPolicy';
import {
	apiPath,
	KAKIYO_CREDENTIAL,
	kakiyoApiRequest,
	type KakiyoRequest,
} from '../../shared/transport';
import { ItemParameters } from './itemParameters';
import type { CallOverrides, Calls, Operation, Resource } from './operation';
import { oneItem } from './outputs';
import { readPages } from './paging';
import { quoted, withoutSecrets } from './withoutSecrets';

/** What each ID parameter points at, to name it when Kakiyo answers 404. */
const ID_NOUNS: Record<string, string> = {
	agentId: 'agent',
	campaignId: 'campaign',
	chatId: 'conversation',
	prospectId: 'prospect',
	listId: 'import',
	modelId: 'model',
	workspaceId: 'workspace',
	entryId: 'Do Not Contact entry',
	webhookId: 'webhook',
	event: 'an example for the event',
};

const PLACEHOLDER = /^\{(\w+)\}$/;

/** A declared path with each `{name}` segment replaced by its ID, encoded; the first ID names a 404. */
function expandPath(operation: Operation, idOf: (name: string) => string) {
	let resource: string | undefined;
	const segments = operation.path
		.split('/')
		.filter(Boolean)
		.map((segment) => {
			const name = PLACEHOLDER.exec(segment)?.[1];
			if (!name) return segment;
			const id = idOf(name);
			resource ??= `${ID_NOUNS[name] ?? name} "${id}"`;
			return id;
		});
	return { path: apiPath(...segments), resource };
}

/**
 * The 2xx answers an operation's calls accept: its own check, else a JSON object; a list's reader
 * judges a list. A change may also be answered with nothing at all (a bare 204): refusing that would
 * report as failed a change Kakiyo made, and invite a second one. A read must bring its object.
 */
function answerCheckOf(operation: Operation): AnswerCheck | undefined {
	if (operation.refuse) return operation.refuse;
	if (operation.paging) return undefined;
	return operation.method === 'GET' ? unlessObject : unlessObjectOrEmpty;
}

/** The secrets the user typed into this item's parameters (a password, a webhook secret). */
function typedSecrets(operation: Operation, parameters: ItemParameters): string[] {
	return (operation.secrets ?? []).map((name) => parameters.string(name, false)).filter(Boolean);
}

/** Runs one operation for one item: its call(s), paging and mapping, then the secrets filter. */
async function runForItem(
	this: IExecuteFunctions,
	operation: Operation,
	parameters: ItemParameters,
	apiKey: string,
	secrets: string[],
	retry: Readonly<RetryPolicy>,
): Promise<IDataObject[]> {
	const { path, resource } = expandPath(operation, (name) => parameters.id(name));
	const qs = operation.qs?.(parameters);
	const body = operation.body?.(parameters);
	// A proxy's page or a JSON error answered with 2xx fails the call: it must not become an item.
	const send = async (
		as: Operation,
		request: Omit<KakiyoRequest, 'secrets' | 'refuse' | 'retry'>,
	) => await kakiyoApiRequest.call(this, { ...request, secrets, refuse: answerCheckOf(as), retry });
	const calls: Calls = {
		call: async (overrides: CallOverrides = {}) =>
			await send(operation, {
				method: overrides.method ?? operation.method,
				path: overrides.path ?? path,
				resource: overrides.path ? undefined : resource,
				qs: qs || overrides.qs ? { ...qs, ...overrides.qs } : undefined,
				body: overrides.body ?? (overrides.method ? undefined : body),
			}),
		callOf: async (other, ids) =>
			await send(other, { method: other.method, ...expandPath(other, (name) => ids[name] ?? '') }),
		quote: (answer, max) => quoted(answer, [apiKey, ...secrets], max),
	};
	const toItems = operation.output ?? oneItem;
	let items: IDataObject[];
	if (operation.paging) {
		items = await readPages(operation.paging, parameters, calls, toItems);
	} else {
		const answer = operation.run
			? await operation.run.call(this, parameters, calls)
			: await calls.call();
		items = toItems(answer, parameters);
	}
	return items.map((json) => withoutSecrets(json, [apiKey, ...secrets]));
}

/**
 * Gives an error the index of the item that failed, so n8n points at it. Errors n8n already explains
 * (the shared client's NodeApiErrors, the parameters' NodeOperationErrors) keep their message,
 * description and HTTP code; anything else is wrapped.
 */
function errorForItem(node: INode, error: unknown, itemIndex: number): Error {
	if (isNodeError(error)) {
		error.context.itemIndex = itemIndex;
		return error;
	}
	return new NodeOperationError(node, error as Error, { itemIndex });
}

/** What a failed item carries with Continue On Fail: the explanation the error would have shown. */
function failureJson(error: unknown): IDataObject {
	const { message, description, httpCode } = error as {
		message?: unknown;
		description?: unknown;
		httpCode?: unknown;
	};
	const json: IDataObject = { error: typeof message === 'string' ? message : String(error) };
	if (typeof description === 'string' && description) json.description = description;
	if (typeof httpCode === 'string' && httpCode) json.httpCode = httpCode;
	return json;
}

/**
 * Runs the selected operation once per input item. Every output item is paired with the input item
 * it came from; with Continue On Fail a failing item becomes one `{error, description?, httpCode?}`
 * item and the others carry on.
 */
export async function runOperation(
	this: IExecuteFunctions,
	resources: readonly Resource[],
	retry: Readonly<RetryPolicy>,
): Promise<INodeExecutionData[]> {
	// Resource and operation cannot be expressions (noDataExpression), so the first item's values hold for all.
	const resourceValue = this.getNodeParameter('resource', 0) as string;
	const operationValue = this.getNodeParameter('operation', 0) as string;
	const operation = resources
		.find((resource) => resource.value === resourceValue)
		?.operations.find((candidate) => candidate.value === operationValue);
	if (!operation) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operationValue}" is not supported for the resource "${resourceValue}"`,
		);
	}
	const { apiKey = '' } = await this.getCredentials<{ apiKey?: string }>(KAKIYO_CREDENTIAL);

	const output: INodeExecutionData[] = [];
	const items = this.getInputData();
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		let secrets: string[] = [];
		try {
			const parameters = new ItemParameters(this, itemIndex, operation.properties);
			secrets = typedSecrets(operation, parameters);
			const results = await runForItem.call(this, operation, parameters, apiKey, secrets, retry);
			for (const json of results) output.push({ json, pairedItem: { item: itemIndex } });
		} catch (error) {
			if (!this.continueOnFail()) throw errorForItem(this.getNode(), error, itemIndex);
			// The failure item is output like any other: nothing in it may show a secret.
			const json = withoutSecrets(failureJson(error), [apiKey, ...secrets]);
			output.push({ json, pairedItem: { item: itemIndex } });
		}
	}
	return output;
}
