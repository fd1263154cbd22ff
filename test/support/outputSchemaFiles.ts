/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- test-only: lists and reads the committed schema files */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { INodeTypeDescription } from 'n8n-workflow';
import { Kakiyo } from '../../nodes/Kakiyo/Kakiyo.node';
import { KakiyoTrigger } from '../../nodes/KakiyoTrigger/KakiyoTrigger.node';
import { operationsOf } from './nodeDescription';

/**
 * Where n8n looks for a node's output schemas: `__schema__` beside the node file, then the node
 * version as `v1.0.0`, then `<resource>/<operation>.json`; a node without resource and operation
 * (the trigger) has `v1.0.0.json`. Both the server's `/schemas/<type>/<version>/…` route (1.x and
 * 2.x) and 2.x's AI workflow builder read these paths. The build copies them into dist/.
 */
export const REPO_ROOT = join(__dirname, '..', '..');
export const ACTION_SCHEMA_DIR = 'nodes/Kakiyo/__schema__';
export const TRIGGER_SCHEMA_DIR = 'nodes/KakiyoTrigger/__schema__';

/** The version as n8n names its folder: 1 is `1.0.0`, 2.1 is `2.1.0` (n8n's `padVersion`). */
export const paddedVersion = (version: number): string =>
	String(version).split('.').concat(['0', '0']).slice(0, 3).join('.');

const versionsOf = (description: INodeTypeDescription): number[] =>
	Array.isArray(description.version) ? description.version : [description.version];

export interface SchemaFile {
	/** Repository-relative path of the committed file (dist/ holds it under the same path). */
	path: string;
	version: number;
	/** Absent for the trigger. */
	resource?: string;
	operation?: string;
}

/** One file per operation of the Kakiyo node and version, from its description. */
export function actionSchemaFiles(): SchemaFile[] {
	return versionsOf(new Kakiyo().description).flatMap((version) =>
		operationsOf().map(({ resource, operation }) => ({
			path: `${ACTION_SCHEMA_DIR}/v${paddedVersion(version)}/${resource}/${operation}.json`,
			version,
			resource,
			operation,
		})),
	);
}

/** One file per version of the Kakiyo Trigger. */
export function triggerSchemaFiles(): SchemaFile[] {
	return versionsOf(new KakiyoTrigger().description).map((version) => ({
		path: `${TRIGGER_SCHEMA_DIR}/v${paddedVersion(version)}.json`,
		version,
	}));
}

/** Every JSON file under the two `__schema__` folders of `root` (the repo, or dist's parent). */
export function schemaFilesOn(root: string, base = ''): string[] {
	return [ACTION_SCHEMA_DIR, TRIGGER_SCHEMA_DIR].flatMap((dir) => {
		const folder = join(root, base, dir);
		if (!existsSync(folder)) return [];
		return readdirSync(folder, { recursive: true, encoding: 'utf8' })
			.filter((name) => name.endsWith('.json'))
			.map((name) => `${dir}/${name.split('\\').join('/')}`);
	});
}
