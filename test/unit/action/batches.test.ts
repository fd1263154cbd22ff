import { planBatches, type BatchItem } from '../../../nodes/Kakiyo/engine/batches';
import { reportRows } from '../../../nodes/Kakiyo/resources/prospect/importWait';

/** How input items become calls, and how an import report's rows find their prospects. */
const item = (itemIndex: number, shared: object = {}, size = 100): BatchItem => ({
	itemIndex,
	entry: { n: itemIndex },
	shared: { ...shared },
	size,
});
const indexes = (batches: BatchItem[][]) => batches.map((batch) => batch.map((i) => i.itemIndex));

describe('planBatches', () => {
	it('cuts the items into calls of Batch Size, in input order', () => {
		const items = Array.from({ length: 250 }, (_, index) => item(index));
		const batches = planBatches(items);
		expect(batches.map((batch) => batch.length)).toEqual([100, 100, 50]);
		expect(batches.flat()).toEqual(items);
		expect(indexes(planBatches(items.slice(0, 5).map((i) => ({ ...i, size: 2 }))))).toEqual([
			[0, 1],
			[2, 3],
			[4],
		]);
	});

	it('puts items together only when they share the same values and Batch Size, wherever they stand', () => {
		const a = { campaignId: 'a' };
		const b = { campaignId: 'b' };
		const items = [item(0, a), item(1, b), item(2, a), item(3, b, 1), item(4, b), item(5, b, 1)];
		expect(indexes(planBatches(items))).toEqual([[0, 2], [1, 4], [3], [5]]);
	});

	it('plans nothing for no items', () => {
		expect(planBatches([])).toEqual([]);
	});
});

describe('reportRows', () => {
	const row = (index: number, inputUrl: string, status = 'imported') => ({
		index,
		inputUrl,
		status,
	});

	it("gives each prospect the row with its index and URL, in any of the URL's forms", () => {
		const rows = [row(1, 'in/bo', 'existing'), row(0, 'https://www.linkedin.com/in/Ana/')];
		expect(reportRows({ report: rows }, ['linkedin.com/in/ana', 'in/bo'])).toEqual([
			rows[1],
			rows[0],
		]);
	});

	it('meets a URL sent twice with its two rows in order, whatever their numbering', () => {
		const rows = [row(1, 'in/ana'), row(2, 'in/ana', 'existing'), row(3, 'in/bo')];
		expect(reportRows({ report: rows }, ['in/ana', 'in/ana', 'in/bo'])).toEqual(rows);
	});

	it('leaves a prospect without a row when the report has none for its URL', () => {
		expect(reportRows({ report: [row(0, 'in/bo')] }, ['in/ana', 'in/bo'])).toEqual([
			undefined,
			row(0, 'in/bo'),
		]);
		expect(reportRows({ report: 'none' }, ['in/ana'])).toEqual([undefined]);
	});
});
