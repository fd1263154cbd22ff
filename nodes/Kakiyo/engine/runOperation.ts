import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INode,
	type INodeExecutionData,
	type INodeProperties,
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
import { planBatches, type BatchItem } from './batches';
import { batchesItems, batchSizeOf } from './bulkInput';
import { ownProperties } from './describe';
import { ItemParameters } from './itemParameters';
import type { Batch, CallOverrides, Calls, Operation, Resource } from './operation';
import { oneItem } from './outputs';
import { readPages } from './paging';
import { simplifyItems } from './simplify';
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

/** Where an item's calls go: the declared path with its IDs, and the query and body to send. */
interface Target {
	path: string;
	resource?: string;
	qs?: IDataObject;
	body?: IDataObject;
}

/** The calls of one item, or of one batch, all through the shared client. */
function callsFor(
	this: IExecuteFunctions,
	operation: Operation,
	{ path, resource, qs, body }: Target,
	apiKey: string,
	secrets: string[],
	retry: Readonly<RetryPolicy>,
): Calls {
	// A proxy's page or a JSON error answered with 2xx fails the call: it must not become an item.
	const send = async (
		as: Operation,
		request: Omit<KakiyoRequest, 'secrets' | 'refuse' | 'retry'>,
	) => await kakiyoApiRequest.call(this, { ...request, secrets, refuse: answerCheckOf(as), retry });
	return {
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
}

/** Runs one operation for one item: its call(s), paging and mapping. */
async function runForItem(
	this: IExecuteFunctions,
	operation: Operation,
	parameters: ItemParameters,
	apiKey: string,
	secrets: string[],
	retry: Readonly<RetryPolicy>,
): Promise<IDataObject[]> {
	const target: Target = expandPath(operation, (name) => parameters.id(name));
	target.qs = operation.qs?.(parameters);
	target.body = operation.body?.(parameters);
	const calls = callsFor.call(this, operation, target, apiKey, secrets, retry);
	const toItems = operation.output ?? oneItem;
	const items = operation.paging
		? await readPages(operation.paging, parameters, calls, toItems)
		: toItems(
				operation.run ? await operation.run.call(this, parameters, calls) : await calls.call(),
				parameters,
			);
	return simplifyItems(operation, parameters, items);
}

/** Where each input item's output goes; `fail` throws unless Continue On Fail is on. */
interface ItemOutputs {
	succeed(itemIndex: number, results: IDataObject[], secrets: string[]): void;
	fail(itemIndex: number, error: unknown, secrets: string[]): void;
}

/**
 * Runs a `batch` operation over every input item: each item's entry is read first (an item whose
 * parameters are invalid fails alone, before any call), then the entries go out in as few calls as
 * Batch Size allows, and each item gets its own result. A failed call fails the items it carried.
 */
async function runBatches(
	this: IExecuteFunctions,
	operation: Operation,
	batch: Batch,
	properties: INodeProperties[],
	apiKey: string,
	retry: Readonly<RetryPolicy>,
	outputs: ItemOutputs,
): Promise<void> {
	const read: Array<BatchItem & { parameters: ItemParameters; secrets: string[] }> = [];
	for (let itemIndex = 0; itemIndex < this.getInputData().length; itemIndex++) {
		let secrets: string[] = [];
		try {
			const parameters = new ItemParameters(this, itemIndex, properties);
			secrets = typedSecrets(operation, parameters);
			parameters.checkNumbers();
			const { entry, shared = {} } = batch.read(parameters);
			const size = batchSizeOf(parameters, batch.maxSize);
			read.push({ itemIndex, parameters, secrets, entry, shared, size });
		} catch (error) {
			outputs.fail(itemIndex, error, secrets);
		}
	}
	for (const items of planBatches(read)) {
		const [{ parameters, shared }] = items;
		const secrets = [...new Set(items.flatMap((item) => item.secrets))];
		let results: Array<IDataObject | Error>;
		try {
			const target = expandPath(operation, (name) => parameters.id(name));
			const calls = callsFor.call(this, operation, target, apiKey, secrets, retry);
			const entries = items.map((item) => item.entry);
			results = await batch.send.call(this, { entries, shared, parameters }, calls);
		} catch (error) {
			for (const item of items) outputs.fail(item.itemIndex, error, item.secrets);
			continue;
		}
		items.forEach(({ itemIndex, secrets: own }, index) => {
			const result = results[index];
			if (result instanceof Error) outputs.fail(itemIndex, result, own);
			else outputs.succeed(itemIndex, [result], own);
		});
	}
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
 * Runs the selected operation for every input item: once per item, or in batches when the operation
 * has a `batch` and Input is one entry per item. Every output item is paired with the input item it
 * came from, in input order; with Continue On Fail a failing item becomes one `{error,
 * description?, httpCode?}` item and the others carry on. Nothing output may show a secret.
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

	const byItem: INodeExecutionData[][] = [];
	const outputs: ItemOutputs = {
		succeed: (itemIndex, results, secrets) => {
			byItem[itemIndex] = results.map((json) => ({
				json: withoutSecrets(json, [apiKey, ...secrets]),
				pairedItem: { item: itemIndex },
			}));
		},
		fail: (itemIndex, error, secrets) => {
			if (!this.continueOnFail()) throw errorForItem(this.getNode(), error, itemIndex);
			// The failure item is output like any other: nothing in it may show a secret.
			const json = withoutSecrets(failureJson(error), [apiKey, ...secrets]);
			byItem[itemIndex] = [{ json, pairedItem: { item: itemIndex } }];
		},
	};

	const count = this.getInputData().length;
	const properties = ownProperties(operation);
	// Input cannot be an expression either (noDataExpression): the first item's choice holds for all.
	const { batch } = operation;
	if (batch && count > 0 && batchesItems(new ItemParameters(this, 0, properties))) {
		await runBatches.call(this, operation, batch, properties, apiKey, retry, outputs);
		return byItem.flat();
	}
	for (let itemIndex = 0; itemIndex < count; itemIndex++) {
		let secrets: string[] = [];
		try {
			const parameters = new ItemParameters(this, itemIndex, properties);
			secrets = typedSecrets(operation, parameters);
			parameters.checkNumbers();
			const results = await runForItem.call(this, operation, parameters, apiKey, secrets, retry);
			outputs.succeed(itemIndex, results, secrets);
		} catch (error) {
			outputs.fail(itemIndex, error, secrets);
		}
	}
	return byItem.flat();
}
