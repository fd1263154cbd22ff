/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test-only: n8n-core's InstanceSettings reads its folder and key from the environment */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Jest's global setup: keeps n8n-core away from ~/.n8n. One throwaway user folder and a fixed key for
 * the whole run; the workers inherit them through the environment; `jestTeardown.ts` removes the folder.
 */
export default function setup(): void {
	const folder = mkdtempSync(join(tmpdir(), 'kakiyo-jest-'));
	process.env.N8N_USER_FOLDER = folder;
	process.env.N8N_ENCRYPTION_KEY = 'jest-only-encryption-key';
	process.env.N8N_LOG_LEVEL = 'silent';
}
