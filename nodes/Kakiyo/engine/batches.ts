import type { IDataObject } from 'n8n-workflow';

/** One input item, read for a batch: its entry, what it shares with its call, its Batch Size. */
export interface BatchItem {
	itemIndex: number;
	entry: IDataObject;
	shared: IDataObject;
	size: number;
}

/**
 * The calls for a run: items whose shared values (the campaign…) and Batch Size are equal go
 * together, wherever they stand in the input, so that alternating campaigns still cost one call per
 * Batch Size of each; within a group, input order, at most Batch Size entries a call.
 */
export function planBatches<T extends BatchItem>(items: readonly T[]): T[][] {
	const groups = new Map<string, T[]>();
	for (const item of items) {
		const key = JSON.stringify([item.shared, item.size]);
		const group = groups.get(key);
		if (group) group.push(item);
		else groups.set(key, [item]);
	}
	const batches: T[][] = [];
	for (const group of groups.values()) {
		const { size } = group[0];
		for (let start = 0; start < group.length; start += size) {
			batches.push(group.slice(start, start + size));
		}
	}
	return batches;
}
