import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INode,
	type INodeExecutionData,
} from 'n8n-workflow';
import type { KakiyoResource } from './resource';

/**
 * Gives an error the index of the item that failed, so n8n points at it. Errors from the shared
 * client are already NodeApiErrors and keep their message, description and HTTP code; they are
 * recognised by their `context` rather than `instanceof`, which fails when n8n loads another copy of
 * n8n-workflow than the package was built against.
 */
function errorForItem(node: INode, error: unknown, itemIndex: number): Error {
	const context = (error as { context?: unknown } | undefined)?.context;
	if (error instanceof Error && context && typeof context === 'object') {
		(context as IDataObject).itemIndex = itemIndex;
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
	resources: Record<string, KakiyoResource>,
): Promise<INodeExecutionData[]> {
	// Resource and operation cannot be expressions (noDataExpression), so the first item's values hold for all.
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const run = resources[resource]?.operations[operation];
	if (!run) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operation}" is not supported for the resource "${resource}"`,
		);
	}

	const output: INodeExecutionData[] = [];
	const items = this.getInputData();
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const results = await run.call(this, itemIndex);
			for (const json of results) output.push({ json, pairedItem: { item: itemIndex } });
		} catch (error) {
			if (!this.continueOnFail()) throw errorForItem(this.getNode(), error, itemIndex);
			output.push({ json: failureJson(error), pairedItem: { item: itemIndex } });
		}
	}
	return output;
}
