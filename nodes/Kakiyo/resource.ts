import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

/**
 * One operation on one input item: reads the item's parameters, makes its Kakiyo call(s) through the
 * shared client and returns the JSON of the output items. Pairing, Continue On Fail and error
 * wrapping are done once, by `runOperation`.
 */
export type ItemOperation = (this: IExecuteFunctions, itemIndex: number) => Promise<IDataObject[]>;

/** A resource of the node: its parameters and, by operation value, what each operation does. */
export interface KakiyoResource {
	properties: INodeProperties[];
	operations: Record<string, ItemOperation>;
}
