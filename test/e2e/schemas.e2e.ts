/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test-only e2e suite: reads the committed schema files */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import {
	actionSchemaFiles,
	paddedVersion,
	REPO_ROOT,
	triggerSchemaFiles,
	type SchemaFile,
} from '../support/outputSchemaFiles';
import { lineLabel, selectedLines } from '../harness/n8nLines';
import { startStack, type Stack } from '../harness/stack';
import { packedPackage, progress } from './suiteSetup';
import { ACTION_TYPE, TRIGGER_TYPE } from '../harness/workflows';

/**
 * The output schemas in a real n8n, on both lines, from the packed package: the server answers the
 * editor's request for a node's schema preview (`GET /schemas/<type>/<x.y.z>[/<resource>/<operation>].json`,
 * sent without a session) with the committed file, for every operation of the Kakiyo node and every
 * version of the trigger.
 */
const lines = selectedLines();
const packed = packedPackage('kakiyo-e2e-schemas-');

/** The path the editor asks for (its `getSchemaPreview`): type, padded version, resource, operation. */
const schemaUrl = (file: SchemaFile) =>
	`/schemas/${[
		file.resource ? ACTION_TYPE : TRIGGER_TYPE,
		paddedVersion(file.version),
		file.resource,
		file.operation,
	]
		.filter(Boolean)
		.join('/')}.json`;

describe.each(lines)('Output schemas on $n8nVersion', (line) => {
	let stack: Stack;

	beforeAll(async () => {
		stack = await startStack({ line, ...packed, progress });
	}, 40 * 60_000);

	afterAll(async () => await stack?.close(), 60_000);

	const get = async (path: string) => {
		const response = await fetch(`${stack.n8n.url}${path}`);
		return { status: response.status, text: await response.text() };
	};

	it('serves every operation’s and every trigger version’s schema as committed, without a session', async () => {
		const files = [...actionSchemaFiles(), ...triggerSchemaFiles()];
		const wrong: string[] = [];
		for (const file of files) {
			const { status, text } = await get(schemaUrl(file));
			const committed = readFileSync(join(REPO_ROOT, file.path), 'utf8');
			if (
				status !== 200 ||
				JSON.stringify(JSON.parse(text)) !== JSON.stringify(JSON.parse(committed))
			)
				wrong.push(`${schemaUrl(file)}: ${status} ${text.slice(0, 80)}`);
		}
		progress(
			`[${lineLabel(line)}] ${files.length - wrong.length} of ${files.length} schemas served`,
		);
		expect(wrong).toEqual([]);
		expect(files).toHaveLength(59);
	});

	it('answers 404 for an operation the node does not have, and for a version it does not ship', async () => {
		expect((await get(`/schemas/${ACTION_TYPE}/1.0.0/agent/teleport.json`)).status).toBe(404);
		expect((await get(`/schemas/${ACTION_TYPE}/9.0.0/agent/get.json`)).status).toBe(404);
	});
});
