/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @typescript-eslint/no-require-imports, no-console -- dev tool: writes the schema files and prints what it did, and loads the nodes once TypeScript resolution is set */
/**
 * Writes the output schemas n8n shows as a preview of a node's output before it has run (and that
 * n8n 2.x's AI workflow builder reads):
 *   nodes/Kakiyo/__schema__/v1.0.0/<resource>/<operation>.json   one per operation
 *   nodes/KakiyoTrigger/__schema__/v<version>.0.0.json          one per trigger version
 * The build copies them into dist/ beside the node files, where n8n looks for them.
 *
 * Regenerate them after changing what an operation or the trigger outputs (or adding one):
 *
 *   npm run schemas
 *
 * then commit the changed files. Nothing is written by hand: every operation runs for real (the
 * wire test's rows, test/integration/action/wire/*.rows.ts, through the node's engine in n8n-core
 * against the Kakiyo emulator), the trigger receives the emulator's signed delivery of every event,
 * and each schema is inferred from those outputs (test/support/jsonSchema.ts). An operation's schema
 * describes its output with its switches at their defaults (e.g. without Wait for Import); wire rows
 * with a variant name are left out. A new operation needs a wire row first. The integration test
 * test/integration/outputSchemas.test.ts fails while a committed file differs from what this writes.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { startEmulator } from '../emulator';
import { schemaFileText } from './jsonSchema';
import type * as OutputSamples from './outputSamples';
import type * as OutputSchemaFiles from './outputSchemaFiles';
import { inTestRuntime } from './scriptRuntime';

async function writeSchemas(): Promise<void> {
	const { collectSamples, schemasFrom } = require('./outputSamples') as typeof OutputSamples;
	const { REPO_ROOT, schemaFilesOn } = require('./outputSchemaFiles') as typeof OutputSchemaFiles;
	const emulator = await startEmulator();
	try {
		const schemas = schemasFrom(await collectSamples(emulator));
		// A file for an operation that no longer exists goes.
		for (const stale of schemaFilesOn(REPO_ROOT).filter((path) => !schemas.has(path))) {
			rmSync(join(REPO_ROOT, stale));
			console.log(`removed ${stale}`);
		}
		for (const [path, schema] of schemas) {
			mkdirSync(dirname(join(REPO_ROOT, path)), { recursive: true });
			writeFileSync(join(REPO_ROOT, path), schemaFileText(schema));
		}
		console.log(`${schemas.size} output schemas written (git diff shows what changed)`);
	} finally {
		await emulator.close();
	}
}

inTestRuntime(writeSchemas).catch((error: Error) => {
	console.error(error.stack ?? error.message);
	process.exitCode = 1;
});
