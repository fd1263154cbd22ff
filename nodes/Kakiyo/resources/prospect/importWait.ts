import { sleep, type IDataObject } from 'n8n-workflow';
import type { ItemParameters } from '../../engine/itemParameters';
import type { Calls } from '../../engine/operation';
import { toJsonObject } from '../../engine/outputs';
import { pairByKey, profileKey } from '../../../shared/profileUrl';
import { operation as getImport } from './getImport.operation';

const FIRST_POLL_MS = 1000;
const MAX_POLL_MS = 10_000;

/** The import list ID of an answer that started an import (`listId`, also under `data`). */
function listIdOf(answer: IDataObject): string | undefined {
	const id = answer.listId ?? (answer.data as IDataObject | undefined)?.listId;
	return typeof id === 'string' && id ? id : undefined;
}

/**
 * Wait for Import: when asked, polls Get Import Status (at once, then 1 s doubling to 10 s apart) until
 * Kakiyo reports the import completed, and returns its report instead of the start answer. Bounded
 * by Max Wait; a failed import or the bound is an error that names the list ID.
 */
export async function importResult(
	parameters: ItemParameters,
	calls: Calls,
	started: unknown,
): Promise<unknown> {
	if (!parameters.boolean('waitForImport')) return started;
	const listId = listIdOf(toJsonObject(started));
	if (!listId) {
		throw parameters.error(
			"Kakiyo's answer names no import list ID to wait for",
			`Kakiyo answered ${calls.quote(started, 200)}. The import may still have started; check the campaign's prospects.`,
		);
	}
	const deadline = Date.now() + parameters.number('maxWaitSeconds') * 1000;
	// The first check at once (a small import is often done), then 1 s, 2 s, 4 s… apart.
	for (let pause = 0; ; pause = Math.min(Math.max(pause * 2, FIRST_POLL_MS), MAX_POLL_MS)) {
		if (pause > 0) await sleep(Math.min(pause, Math.max(0, deadline - Date.now())));
		const report = toJsonObject(await calls.callOf(getImport, { listId }));
		if (report.status === 'completed') return report;
		if (report.status === 'failed') {
			throw parameters.error(
				`Kakiyo's import ${listId} failed`,
				`Kakiyo reported: ${calls.quote(report, 300)}`,
			);
		}
		if (Date.now() >= deadline) {
			throw parameters.error(
				`Kakiyo's import ${listId} was not complete after ${parameters.number('maxWaitSeconds')} s`,
				`Its status was "${String(report.status)}". Check it later with Prospect > Get Import Status and list ID ${listId}, or raise Max Wait.`,
			);
		}
	}
}

const rowUrl = (row: IDataObject) =>
	typeof row.inputUrl === 'string' ? profileKey(row.inputUrl) : undefined;

/**
 * Each prospect's own row of a completed import report (undefined where it has none), for prospects
 * sent in this order with these URLs. Kakiyo's rows name a prospect by its `index` (its place in the
 * list sent; whether from 0 or 1 is not documented) and its `inputUrl`: when every row's index and
 * URL agree with what was sent from 0, the index settles it; otherwise the URLs alone do, in order
 * (a URL sent twice meets its rows one after the other).
 */
export function reportRows(report: IDataObject, urls: string[]): Array<IDataObject | undefined> {
	const rows = (Array.isArray(report.report) ? report.report : []).map(toJsonObject);
	const keys = urls.map(profileKey);
	const numbered =
		rows.length > 0 &&
		rows.every((row) => typeof row.index === 'number' && rowUrl(row) === keys[row.index]);
	if (numbered) return keys.map((_, index) => rows.find((row) => row.index === index));
	return pairByKey(keys, rows, rowUrl);
}
