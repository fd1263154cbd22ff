import type { IDataObject } from 'n8n-workflow';
import { EVENT_IDS, WILDCARD, type RunningEmulator } from '../emulator';
import { runKakiyo } from '../integration/action/kakiyoRun';
import { ALL_WIRE_ROWS } from '../integration/action/wire/allRows';
import { WireKit, type WireRow } from '../integration/action/wire/wireRow';
import { activate, startRig, triggerWorkflow } from '../integration/trigger/rig';
import { outputSchemaOf, type OutputSchema } from './jsonSchema';
import { kakiyoProperties } from './nodeDescription';
import { actionSchemaFiles, triggerSchemaFiles, type SchemaFile } from './outputSchemaFiles';

/**
 * What the nodes output, run for real: every operation of the Kakiyo node through its engine in
 * n8n-core's execute context against the Kakiyo emulator, and the trigger receiving the emulator's
 * signed delivery of every event. The output schemas are inferred from these items, and the tests
 * check the committed schemas against them.
 */

/** `agent/get`: the key of an operation's samples. */
export const operationKey = (resource: string, operation: string) => `${resource}/${operation}`;

/** Return All changes how many items an operation outputs, not what each one holds. */
const COUNT_ONLY = new Set(['returnAll']);

/**
 * A switch (a boolean, or a mode such as Input that cannot be an expression) may change what an
 * operation outputs (Wait for Import outputs the import report, Input = JSON List a summary per
 * list). n8n keeps one schema per operation, so it describes the output with every switch at its
 * default: rows that turn one are variants, left out.
 */
function switchedAwayFromDefault(row: WireRow): string[] {
	const shownFor = kakiyoProperties().filter(
		({ name, type, noDataExpression, displayOptions }) =>
			(type === 'boolean' || (type === 'options' && noDataExpression === true)) &&
			!COUNT_ONLY.has(name) &&
			displayOptions?.show?.resource?.includes(row.resource) &&
			displayOptions.show.operation?.includes(row.operation),
	);
	return shownFor
		.filter(
			({ name, default: byDefault }) =>
				name in row.parameters && row.parameters[name] !== byDefault,
		)
		.map(({ name }) => name);
}

/**
 * The example's shape is the event's (two vocabularies, each event its own data), so its schema
 * covers the example of every event rather than of the two the wire row fetches.
 */
const EVERY_EVENT: Partial<Record<string, WireRow['items']>> = {
	[operationKey('webhookEvent', 'getExample')]: () => EVENT_IDS.map((event) => ({ event })),
};

/** The wire rows that run each operation with its defaults, one or more per operation. */
export function sampleRows(rows: readonly WireRow[] = ALL_WIRE_ROWS): WireRow[] {
	return rows
		.filter((row) => row.variant === undefined)
		.map((row) => {
			const switched = switchedAwayFromDefault(row);
			if (switched.length > 0) {
				throw new Error(
					`The wire row of ${operationKey(row.resource, row.operation)} sets ${switched.join(', ')} away from the default: give it a variant name, and keep a row with the defaults`,
				);
			}
			const items = EVERY_EVENT[operationKey(row.resource, row.operation)];
			return items ? { ...row, items } : row;
		});
}

/**
 * Every operation's output items (their JSON), by `resource/operation`: each row runs on the
 * emulator's seed with its input items, as the wire test runs it.
 */
export async function actionSamples(
	emulator: RunningEmulator,
): Promise<Map<string, IDataObject[]>> {
	const kit = new WireKit(emulator);
	const samples = new Map<string, IDataObject[]>();
	for (const row of sampleRows()) {
		emulator.reset();
		const output = await runKakiyo({
			baseUrl: emulator.baseUrl,
			apiKey: emulator.apiKey,
			parameters: { resource: row.resource, operation: row.operation, ...row.parameters },
			items: await row.items(kit),
		});
		const key = operationKey(row.resource, row.operation);
		samples.set(key, [...(samples.get(key) ?? []), ...output.map((item) => item.json)]);
	}
	emulator.reset();
	return samples;
}

/**
 * What the trigger outputs for each of its versions: every event the emulator knows, delivered
 * signed to a trigger listening to all events, with the default options.
 */
export async function triggerSamples(versions: number[]): Promise<Map<number, IDataObject[]>> {
	const rig = await startRig();
	try {
		const samples = new Map<number, IDataObject[]>();
		for (const typeVersion of versions) {
			rig.emulator.reset();
			rig.receiver.calls.length = 0;
			const workflow = triggerWorkflow(rig, { events: [WILDCARD], typeVersion });
			await activate(workflow);
			rig.receiver.serve(workflow);
			for (const event of EVENT_IDS) await rig.emulator.emit(event);
			const items = rig.receiver.executions().flatMap(([main]) => main.map((item) => item.json));
			if (items.length !== EVENT_IDS.length) {
				throw new Error(
					`The trigger (version ${typeVersion}) started ${items.length} executions for ${EVENT_IDS.length} events`,
				);
			}
			samples.set(typeVersion, items);
		}
		return samples;
	} finally {
		await rig.close();
	}
}

export interface OutputSamples {
	/** Output items by `resource/operation`. */
	actions: Map<string, IDataObject[]>;
	/** Output items by trigger version. */
	trigger: Map<number, IDataObject[]>;
}

/** Runs every operation and the trigger (each of its versions) for their output items. */
export async function collectSamples(emulator: RunningEmulator): Promise<OutputSamples> {
	return {
		actions: await actionSamples(emulator),
		trigger: await triggerSamples(triggerSchemaFiles().map(({ version }) => version)),
	};
}

/** The items a schema file describes: its operation's (the same for every version), or the trigger's. */
export function samplesFor(file: SchemaFile, samples: OutputSamples): IDataObject[] {
	const items =
		file.resource && file.operation
			? samples.actions.get(operationKey(file.resource, file.operation))
			: samples.trigger.get(file.version);
	if (!items?.length) throw new Error(`No run outputs what ${file.path} describes: add a wire row`);
	return items;
}

/** Every output schema file's content, by repository path, inferred from the samples. */
export function schemasFrom(samples: OutputSamples): Map<string, OutputSchema> {
	return new Map(
		[...actionSchemaFiles(), ...triggerSchemaFiles()].map((file) => [
			file.path,
			outputSchemaOf(samplesFor(file, samples)),
		]),
	);
}
