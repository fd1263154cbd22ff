/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test-only: n8n-core's InstanceSettings reads its folder and key from the environment */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Keep n8n-core away from ~/.n8n: every test worker gets its own throwaway user folder and a fixed key.
process.env.N8N_USER_FOLDER = mkdtempSync(join(tmpdir(), 'kakiyo-jest-'));
process.env.N8N_ENCRYPTION_KEY = 'jest-only-encryption-key';
process.env.N8N_LOG_LEVEL = 'silent';
