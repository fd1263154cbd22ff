/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test-only: a state file in a temporary folder needs node:fs */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withEmulator } from '../support/emulator';
import { startScriptedServer } from '../support/scriptedServer';
import { waitFor } from '../support/waitFor';
import { startEmulator } from './index';
import { call, clientsOf, newApiKey } from './testKit';

let folder: string;
let statePath: string;

beforeEach(() => {
	folder = mkdtempSync(join(tmpdir(), 'kakiyo-emulator-'));
	statePath = join(folder, 'state.json');
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

it('webhooks, secrets, failure counts and the generated key survive a restart', async () => {
	const receiver = await startScriptedServer({ status: 500 });
	const first = await startEmulator({ statePath, retryDelaysMs: [] });
	const created = await call(`${first.baseUrl}/webhooks`, {
		method: 'POST',
		key: first.apiKey,
		body: { name: 'Kept', url: receiver.url('/hook'), events: ['*'], secret: 'kept-secret' },
	});
	await first.emit('prospect.unqualified');
	await first.close();
	await receiver.close();

	await withEmulator({ statePath }, async (second) => {
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
	});
});

it('explicit keys are used as given, and not written to the state file', async () => {
	const key = newApiKey();
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
	const apiKey = newApiKey();
	writeFileSync(statePath, JSON.stringify({ version: 1, apiKey, webhooks: [hook] }));
	await withEmulator({ statePath }, async (emulator) => {
		expect(emulator.apiKey).toBe(apiKey);
		expect(emulator.webhooks()).toEqual([hook]);
		expect(emulator.state().teams[0].agents).toHaveLength(1);
		await call(`${emulator.baseUrl}/verify`, { key: apiKey });
		const saved = JSON.parse(readFileSync(statePath, 'utf8'));
		expect([saved.version, saved.apiKey, saved.teams[0].webhooks]).toEqual([2, apiKey, [hook]]);
	});
});

it('the whole state survives a restart: objects, lists, workspaces, credits, another team', async () => {
	const otherKey = newApiKey();
	const options = { statePath, otherTeam: { apiKeys: [otherKey] } };
	const first = await startEmulator(options);
	const api = clientsOf(() => first).api;
	const campaignId = first.state().teams[0].campaigns[0].id;
	await api('/agents', { method: 'POST' });
	await api('/dnc', { method: 'POST', body: { url: 'in/kept-off' } });
	await api('/prospects', {
		method: 'POST',
		body: { campaignId, name: 'Kept', url: 'in/kept', customData: 'note' },
	});
	const workspace = await api('/workspaces', { method: 'POST', body: { name: 'Client' } });
	await api(`/workspaces/${workspace.json.id}/invite`, {
		method: 'POST',
		body: { email: 'c@x.io' },
	});
	await first.reply(first.state().teams[0].prospects[1].chat.id, 'Hello again');
	const before = first.state();
	await first.close();

	await withEmulator(options, async (second) => {
		expect(second.apiKey).toBe(first.apiKey);
		expect(second.state()).toEqual(before);
		expect(second.credits()).toBe(before.teams[0].credits);
		const saved = JSON.parse(readFileSync(statePath, 'utf8'));
		expect(saved.version).toBe(2);
		expect(JSON.stringify(saved)).not.toContain(otherKey);
	});
});

it('an import saved while processing completes after a restart', async () => {
	const first = await startEmulator({ statePath, importDelayMs: 150 });
	const campaignId = first.state().teams[0].campaigns[0].id;
	const started = await call(`${first.baseUrl}/prospects/batch`, {
		method: 'POST',
		key: first.apiKey,
		body: { campaignId, prospects: [{ name: 'Late', url: 'in/late' }] },
	});
	expect(first.state().teams[0].imports[0].status).toBe('processing');
	await first.close();

	await withEmulator({ statePath }, async (second) => {
		const report = await waitFor(
			async () => {
				const path = `${second.baseUrl}/prospects/imports/${started.json.listId}`;
				const { json } = await call(path, { key: second.apiKey });
				return json.status === 'completed' && json;
			},
			{ what: 'the import to complete after the restart', timeoutMs: 5000, intervalMs: 20 },
		);
		expect(report).toMatchObject({ imported: 1, report: [{ status: 'imported' }] });
	});
});

it('a state file that is not JSON stops the start with a clear error', async () => {
	writeFileSync(statePath, '{ nope');
	await expect(startEmulator({ statePath })).rejects.toThrow(/state file .* is not valid JSON/);
});
