/* eslint-disable @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test-only: the CLI is tested by running it as a child process */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { waitFor } from '../support/waitFor';
import { call } from './testKit';

function runCli(...args: string[]) {
	const child = spawn(
		process.execPath,
		['--require', 'tsx/cjs', join(__dirname, 'cli.ts'), ...args],
		{
			cwd: join(__dirname, '..', '..'),
			stdio: ['ignore', 'pipe', 'pipe'],
		},
	);
	const output = { text: '' };
	child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output.text += chunk));
	child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output.text += chunk));
	const exited = once(child, 'exit') as Promise<[number | null, string | null]>;
	return { child, output, exited };
}

it('starts, prints its base URL and a ready key, logs each request, and closes on SIGTERM', async () => {
	const started = performance.now();
	const { child, output, exited } = runCli(
		...['--port', '0', '--rate-limit', '5', '--no-seed', '--plan', 'standard'],
	);
	try {
		await waitFor(() => output.text.includes('KAKIYO_CONTROL_TOKEN='), {
			what: 'the CLI to print its control token',
			timeoutMs: 15_000,
			intervalMs: 5,
		});
		const startMs = Math.round(performance.now() - started);
		const baseUrl = /KAKIYO_BASE_URL=(\S+)/.exec(output.text)?.[1];
		const key = /KAKIYO_API_KEY=(\S+)/.exec(output.text)?.[1];
		const controlUrl = /KAKIYO_CONTROL_URL=(\S+)/.exec(output.text)?.[1];
		const token = /KAKIYO_CONTROL_TOKEN=(\S+)/.exec(output.text)?.[1];
		// startMs is here for the record (it shows when this fails), not as a bound.
		expect({ startMs, baseUrl, key, controlUrl, token }).toEqual({
			startMs: expect.any(Number),
			baseUrl: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/v1$/),
			key: expect.stringMatching(/^[A-Za-z0-9_-]{40}$/),
			controlUrl: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/__emulator$/),
			token: expect.stringMatching(/^[A-Za-z0-9_-]{32,}$/),
		});

		expect((await call(`${baseUrl}/verify`, { key })).status).toBe(200);
		expect((await call(`${baseUrl}/agents`, { key })).json).toEqual({ agents: [], total: 0 });
		expect((await call(`${baseUrl}/workspaces`, { key })).status).toBe(403);
		const requests = `${controlUrl}/requests`;
		expect((await call(requests)).status).toBe(401);
		expect((await call(requests, { headers: { 'x-emulator-token': token! } })).status).toBe(200);
		await waitFor(() => /GET \/v1\/verify -> 200 \d+ms key=…/.test(output.text), {
			what: 'the CLI to log the verify request',
			timeoutMs: 5000,
			intervalMs: 5,
		});
	} finally {
		child.kill('SIGTERM');
	}
	expect(await exited).toEqual([0, null]);
	expect(output.text).toContain('SIGTERM: closing');
});

it('a bad option stops it with a message and the usage', async () => {
	const { output, exited } = runCli('--port', '0', '--signature', 'base64');
	expect(await exited).toEqual([1, null]);
	expect(output.text).toMatch(/signatureFormat must be 'prefixed' or 'bare'[\s\S]*Usage:/);
});
