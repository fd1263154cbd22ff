import type { INodeProperties } from 'n8n-workflow';
import type { ItemParameters } from './itemParameters';

/**
 * The parameters of an operation with a `batch`: Input (one entry per input item, or a list per
 * item as the API takes it) and, per entry, Batch Size.
 */

/** Shows a parameter only when each input item is one entry. */
export const forEachItem = { show: { input: ['items'] } };

/** Shows a parameter only when each input item holds a list. */
export const forList = { show: { input: ['json'] } };

/**
 * Input. One entry per input item is the default, so a workflow that saved no Input batches; the
 * list mode sends each item's list in one call, as the operation always did.
 */
export function inputChoice(
	entry: string,
	list: { name: string; description: string },
): INodeProperties {
	return {
		displayName: 'Input',
		name: 'input',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: list.name, value: 'json', description: list.description },
			{
				name: 'One per Input Item',
				value: 'items',
				description: `Each input item is one ${entry}, from the fields below; the node sends them in batches (one credit per call) and outputs each item's own result`,
			},
		],
		default: 'items',
		description: `Whether each input item is one ${entry} or holds a whole list`,
	};
}

/** Options › Batch Size: entries per call, Kakiyo's largest by default. */
export function batchOptions(max: number, entries: string): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: forEachItem,
		options: [
			{
				displayName: 'Batch Size',
				name: 'batchSize',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: max },
				default: max,
				description: `How many ${entries} go in one call to Kakiyo, 1 to ${max}; each call costs one credit`,
			},
		],
	};
}

/** Whether this run batches: Input is one entry per item, also when the workflow saved no Input. */
export function batchesItems(parameters: ItemParameters): boolean {
	return parameters.raw('input', 'items') === 'items';
}

/**
 * Batch Size as a whole number. Its range (1 to Kakiyo's largest) is checked with every declared
 * range before this is read (`ItemParameters.checkNumbers`); a fraction is this option's own refusal.
 */
export function batchSizeOf(parameters: ItemParameters, max: number): number {
	const size = Number(parameters.raw('options.batchSize', max));
	if (Number.isInteger(size)) return size;
	throw parameters.error(
		`Batch Size must be a whole number from 1 to ${max} (got ${size})`,
		`Kakiyo takes at most ${max} entries in one call.`,
	);
}
