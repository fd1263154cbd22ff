/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test-only: reads the committed schema files */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { loadOutputSchema } from 'n8n-core';

import { EVENT_IDS } from '../emulator';
import { useEmulator } from '../support/emulator';
import { schemaFileText, schemaProblems, type OutputSchema } from '../support/jsonSchema';
import {
	collectSamples,
	samplesFor,
	schemasFrom,
	type OutputSamples,
} from '../support/outputSamples';
import {
	actionSchemaFiles,
	REPO_ROOT,
	triggerSchemaFiles,
	type SchemaFile,
} from '../support/outputSchemaFiles';

/**
 * The committed output schemas against what the nodes really output: every operation run through
 * its engine against the emulator (the wire rows, defaults only), and the trigger receiving the
 * emulator's signed delivery of every event. Every field of every item must be declared, with its
 * type; and the files must be exactly what `npm run schemas` writes from these runs, so that a
 * change to an output fails here until the schemas are regenerated.
 */
const emulator = useEmulator();
let samples: OutputSamples;

beforeAll(async () => {
	samples = await collectSamples(emulator);
}, 60_000);

const committed = (path: string) => readFileSync(join(REPO_ROOT, path), 'utf8');

/** One line per item that does not fit, with what does not fit in it. */
function misfits(file: SchemaFile): string[] {
	const schema = JSON.parse(committed(file.path)) as OutputSchema;
	return samplesFor(file, samples).flatMap((item, index) =>
		schemaProblems(item, schema).map((problem) => `item ${index}: ${problem}`),
	);
}

describe.each(actionSchemaFiles().map((file) => [`${file.resource} > ${file.operation}`, file]))(
	'%s',
	(_title, file) => {
		it('outputs items that fit its schema, every field declared with its type', () => {
			expect(samplesFor(file, samples).length).toBeGreaterThan(0);
			expect(misfits(file)).toEqual([]);
		});
	},
);

describe.each(triggerSchemaFiles().map((file) => [file.version, file]))(
	'Kakiyo Trigger version %s',
	(_version, file) => {
		it("outputs every event's signed delivery as an item that fits its schema", () => {
			const events = samplesFor(file, samples).map((item) => item.event);
			expect(events).toEqual([...EVENT_IDS]);
			expect(misfits(file)).toEqual([]);
		});
	},
);

it('the committed schemas are what `npm run schemas` writes from these runs (run it after changing an output)', () => {
	const stale = [...schemasFrom(samples)]
		.filter(([path, schema]) => committed(path) !== schemaFileText(schema))
		.map(([path]) => path);
	expect(stale).toEqual([]);
});

it("n8n 2.x's lookup for its AI workflow builder finds each built schema by node, version, resource and operation", () => {
	// n8n-core's own resolver, as the server's createOutputSchemaLookup calls it: the folder of the
	// node file, the workflow's node version, and the node's resource and operation parameters.
	const lookup = (file: SchemaFile) =>
		loadOutputSchema({
			nodeDir: join(REPO_ROOT, 'dist', file.path.split('/__schema__/')[0]),
			version: file.version,
			resource: file.resource,
			operation: file.operation,
			versionFallback: true,
		});
	const files = [...actionSchemaFiles(), ...triggerSchemaFiles()];
	const missed = files.filter(
		(file) => !isDeepStrictEqual(lookup(file), JSON.parse(committed(file.path))),
	);
	expect(missed.map(({ path }) => path)).toEqual([]);
});
