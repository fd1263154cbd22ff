import type { IDataObject, INodeProperties } from 'n8n-workflow';
import type { ItemParameters } from './itemParameters';
import type { Operation } from './operation';

/**
 * n8n's Simplify toggle, for the operations whose answers are too large to map comfortably (a
 * conversation with every message, an agent, campaign analytics, an import report): on by default, it
 * keeps the fields the operation declares (`Operation.simplify`) at the paths they have in Kakiyo's
 * answer, so an expression written against a simplified item works on the raw one too.
 */
export function simplifyProperty(paths: readonly string[]): INodeProperties {
	return {
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description: `Whether to return a simplified version of the response instead of the raw data: ${paths.join(', ')}`,
	};
}

function valueAt(json: IDataObject, path: string): unknown {
	return path
		.split('.')
		.reduce<unknown>(
			(value, key) =>
				value && typeof value === 'object' && !Array.isArray(value)
					? (value as IDataObject)[key]
					: undefined,
			json,
		);
}

function setAt(json: IDataObject, path: string, value: unknown): void {
	const keys = path.split('.');
	const last = keys.pop() as string;
	let target = json;
	for (const key of keys) {
		target[key] ??= {};
		target = target[key] as IDataObject;
	}
	target[last] = value as IDataObject[keyof IDataObject];
}

/**
 * The fields at `paths` that the item has; a field Kakiyo left out stays out. An item with none of
 * them (an answer in a shape Kakiyo changed) is kept whole rather than emptied.
 */
export function simplified(json: IDataObject, paths: readonly string[]): IDataObject {
	const kept: IDataObject = {};
	for (const path of paths) {
		const value = valueAt(json, path);
		if (value !== undefined) setAt(kept, path, value);
	}
	return Object.keys(kept).length > 0 ? kept : json;
}

/** The operation's output items, simplified when it offers Simplify and the item's toggle is on. */
export function simplifyItems(
	operation: Operation,
	parameters: ItemParameters,
	items: IDataObject[],
): IDataObject[] {
	const paths = operation.simplify;
	if (!paths || !parameters.boolean('simplify')) return items;
	return items.map((json) => simplified(json, paths));
}
