/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test-only: a state file in a temporary folder needs node:fs */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator } from './index';
import { call, startReceiver } from './testKit';

let folder: string;
let statePath: string;

beforeEach(() => {
	folder = mkdtempSync(join(tmpdir(), 'kakiyo-emulator-'));
	statePath = join(folder, 'state.json');
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

it('webhooks, secrets, failure counts and the generated key survive a restart', async () => {
	const receiver = await startReceiver(() => 500);
	const first = await startEmulator({ statePath, retryDelaysMs: [] });
	const created = await call(`${first.baseUrl}/webhooks`, {
		method: 'POST',
		key: first.apiKey,
		body: { name: 'Kept', url: receiver.url, events: ['*'], secret: 'kept-secret' },
	});
	await first.emit('prospect.unqualified');
	await first.close();
	await receiver.close();

	const second = await startEmulator({ statePath });
	try {
		expect(second.apiKey).toBe(first.apiKey);
		expect(second.webhooks()).toEqual([
			expect.objectContaining({
				id: created.json.id,
				secret: 'kept-secret',
				failureCount: 1,
				active: true,
			}),
		]);
		const listed = await call(`${second.baseUrl}/webhooks`, { key: second.apiKey });
		expect(listed.json.webhooks[0]).toMatchObject({ id: created.json.id, hasSecret: true });

		await call(`${second.baseUrl}/webhooks/${created.json.id}`, {
			method: 'DELETE',
			key: second.apiKey,
		});
		const saved = JSON.parse(readFileSync(statePath, 'utf8'));
		expect([saved.version, saved.teams[0].webhooks]).toEqual([2, []]);
	} finally {
		await second.close();
	}
});

it('explicit keys are used as given, and not written to the state file', async () => {
	const key = randomBytes(30).toString('base64url');
	const emulator = await startEmulator({ statePath, apiKeys: [key] });
	await call(`${emulator.baseUrl}/webhooks`, {
		method: 'POST',
		key,
		body: { name: 'Saved', url: 'https://example.com/hook', events: ['*'] },
	});
	await emulator.close();
	expect(emulator.apiKey).toBe(key);
	const state = readFileSync(statePath, 'utf8');
	expect(state).toContain('Saved');
	expect(state).not.toContain(key);
});

it('a version 1 file (webhooks and the key) is still read, beside the seed', async () => {
	const hook = {
		id: '0123456789abcdef0123',
		name: 'From v1',
		url: 'https://example.com/hook',
		events: ['*'],
		secret: 'v1-secret',
		active: true,
		failureCount: 2,
		createdAt: '2025-01-01T00:00:00.000Z',
		updatedAt: '2025-01-01T00:00:00.000Z',
	};
	const apiKey = randomBytes(30).toString('base64url');
	writeFileSync(statePath, JSON.stringify({ version: 1, apiKey, webhooks: [hook] }));
	const emulator = await startEmulator({ statePath });
	try {
		expect(emulator.apiKey).toBe(apiKey);
		expect(emulator.webhooks()).toEqual([hook]);
		expect(emulator.state().teams[0].agents).toHaveLength(1);
		await call(`${emulator.baseUrl}/verify`, { key: apiKey });
		const saved = JSON.parse(readFileSync(statePath, 'utf8'));
		expect([saved.version, saved.apiKey, saved.teams[0].webhooks]).toEqual([2, apiKey, [hook]]);
	} finally {
		await emulator.close();
	}
});

it('a state file that is not JSON stops the start with a clear error', async () => {
	writeFileSync(statePath, '{ nope');
	await expect(startEmulator({ statePath })).rejects.toThrow(/state file .* is not valid JSON/);
});
