/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test-only harness: writes and packs a stand-in package on disk */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import type { PackedPackage } from '../harness/packageDeploy';
import { runCommand } from '../harness/runCommand';

/** The npm name of Kakiyo's own n8n package, which the registry here does not have. */
export const KAKIYO_OWN_PACKAGE = 'n8n-nodes-kakiyo-api';

/** Where its stand-in's documentation link points: tells its credential definition from ours. */
export const KAKIYO_OWN_DOCS = 'https://docs.kakiyo.com/api-reference/introduction';

/**
 * The one liberty the stand-in takes: its credential test adds `?definition=kakiyo-own` (the
 * emulator ignores it), so the suite can see which definition n8n's server ran.
 */
export const STAND_IN_MARK = 'kakiyo-own';

/*
 * What n8n sees of Kakiyo's package (source: `KakiyoAI/kakiyo-n8n-node` on GitHub): a credential type
 * `kakiyoApi` with `apiKey` (password) and `url` (default https://api.kakiyo.com/v1), a Bearer
 * header, a test `GET {url}/verify` with no rules; and a declarative node whose requests go to
 * `{{$credentials.url}}`. The stand-in node has one operation (Verify) so that a workflow of that
 * package can be run. Plain CommonJS: n8n loads it as it would the compiled package.
 */
const CREDENTIAL_SOURCE = `class KakiyoApi {
	constructor() {
		this.name = 'kakiyoApi';
		this.displayName = 'Kakiyo API';
		this.documentationUrl = '${KAKIYO_OWN_DOCS}';
		this.properties = [
			{ displayName: 'API Key', name: 'apiKey', type: 'string', typeOptions: { password: true }, default: '', required: true },
			{ displayName: 'API URL', name: 'url', type: 'string', default: 'https://api.kakiyo.com/v1' },
		];
		this.authenticate = { type: 'generic', properties: { headers: { Authorization: '=Bearer {{$credentials.apiKey}}' } } };
		this.test = { request: { baseURL: '={{$credentials.url}}', url: '/verify', method: 'GET', qs: { definition: '${STAND_IN_MARK}' } } };
	}
}
module.exports = { KakiyoApi };
`;

const NODE_SOURCE = `class Kakiyo {
	constructor() {
		this.description = {
			displayName: 'Kakiyo',
			name: 'kakiyo',
			group: ['transform'],
			version: 1,
			description: "Stand-in for Kakiyo's own node",
			defaults: { name: 'Kakiyo' },
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: 'kakiyoApi', required: true }],
			requestDefaults: { baseURL: '={{$credentials.url}}', headers: { Accept: 'application/json' } },
			properties: [
				{
					displayName: 'Operation',
					name: 'operation',
					type: 'options',
					noDataExpression: true,
					options: [{ name: 'Verify', value: 'verify', action: 'Verify the API key', routing: { request: { method: 'GET', url: '/verify' } } }],
					default: 'verify',
				},
			],
		};
	}
}
module.exports = { Kakiyo };
`;

/**
 * Writes the stand-in into `workDir` and packs it as `name` (Kakiyo's package name by default; another
 * name changes only where n8n's alphabetical scan of the nodes folder puts it).
 */
export async function packKakiyoOwnPackage(
	workDir: string,
	name = KAKIYO_OWN_PACKAGE,
): Promise<PackedPackage> {
	const folder = join(workDir, `${name}-source`);
	const version = '0.1.1';
	for (const [file, text] of [
		['dist/credentials/KakiyoApi.credentials.js', CREDENTIAL_SOURCE],
		['dist/nodes/Kakiyo/Kakiyo.node.js', NODE_SOURCE],
		[
			'package.json',
			JSON.stringify(
				{
					name,
					version,
					license: 'MIT',
					keywords: ['n8n-community-node-package'],
					files: ['dist'],
					n8n: {
						n8nNodesApiVersion: 1,
						credentials: ['dist/credentials/KakiyoApi.credentials.js'],
						nodes: ['dist/nodes/Kakiyo/Kakiyo.node.js'],
					},
				},
				null,
				2,
			),
		],
	]) {
		mkdirSync(join(folder, file, '..'), { recursive: true });
		writeFileSync(join(folder, file), text);
	}
	await runCommand('npm', ['pack', '--pack-destination', workDir], {
		cwd: folder,
		logFile: join(workDir, 'build.log'),
	});
	return { tarball: join(workDir, `${name}-${version}.tgz`), name, version };
}
