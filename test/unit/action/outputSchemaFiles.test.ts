/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test-only: reads the committed and the built schema files */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { n8nFormProblems } from '../../support/jsonSchema';
import {
	actionSchemaFiles,
	REPO_ROOT,
	schemaFilesOn,
	triggerSchemaFiles,
} from '../../support/outputSchemaFiles';

/**
 * The output schemas n8n shows before a node has run: one file per operation of the Kakiyo node
 * and per version of the trigger, in n8n's form, and nothing else. Their content is checked against
 * real runs in test/integration/outputSchemas.test.ts; `npm run schemas` writes them.
 */
const expected = [...actionSchemaFiles(), ...triggerSchemaFiles()].map(({ path }) => path);
const read = (base: string, path: string) => readFileSync(join(REPO_ROOT, base, path), 'utf8');

describe('output schema files', () => {
	it('one for each of the 57 operations of the Kakiyo node (version 1) and each trigger version', () => {
		expect(actionSchemaFiles()).toHaveLength(57);
		expect(expected).toContain('nodes/Kakiyo/__schema__/v1.0.0/prospect/getImport.json');
		expect(triggerSchemaFiles().map(({ path }) => path)).toEqual([
			'nodes/KakiyoTrigger/__schema__/v1.0.0.json',
			'nodes/KakiyoTrigger/__schema__/v2.0.0.json',
		]);
	});

	it('are all committed, and none is left for an operation the node no longer has', () => {
		expect(schemaFilesOn(REPO_ROOT).sort()).toEqual([...expected].sort());
	});

	it.each(expected)('%s is an object with properties, in the form of n8n’s own files', (path) => {
		expect(n8nFormProblems(JSON.parse(read('', path)))).toEqual([]);
	});

	it('are copied by the build into dist/, beside the node files, as they are', () => {
		expect(schemaFilesOn(REPO_ROOT, 'dist').sort()).toEqual([...expected].sort());
		for (const path of expected) expect(read('dist', path)).toBe(read('', path));
	});
});
