/* eslint-disable no-console, @n8n/community-nodes/no-restricted-imports -- a benchmark reports on the console and serves its answers with node:http */
/**
 * What reading answers as a bounded stream costs, next to how the client read them before: the same
 * call through n8n-core's real `httpRequestWithAuthentication` to a loopback server, once with n8n
 * reading and parsing the answer (`json: true`, the old options) and once as a stream read by
 * `readAnswer` (the options every call now uses). Rounds interleave the two (alternating which goes
 * first), for a 1 KB and a 1 MB JSON answer, gzip and plain. It reports; it never fails on a number.
 * Run: `node --require tsx/cjs test/bench/answerRead.bench.ts`.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import type { IHttpRequestOptions, IN8nHttpFullResponse } from 'n8n-workflow';
import { readAnswer } from '../../nodes/shared/transport/answerBody';
import setup from '../support/jestSetup';
import teardown from '../support/jestTeardown';
import { TestWorkflow } from '../support/n8nRuntime';
import { ProbeNode } from '../support/probeNode';

const ROUNDS = 20;
const CALLS_PER_ROUND = 40;

function answerOf(size: number): string {
	const prospect = { id: '69724b7100331796aae2', name: 'Jane Doe', status: 'replied', note: 'x' };
	const count = Math.max(1, Math.round(size / JSON.stringify(prospect).length));
	return JSON.stringify({ prospects: Array.from({ length: count }, () => prospect), total: count });
}

type Read = (options: IHttpRequestOptions) => Promise<unknown>;

async function main() {
	// The isolation npm test gives n8n-core (a throwaway user folder, not ~/.n8n), before it is used.
	setup();
	try {
		await bench();
	} finally {
		teardown();
	}
}

async function bench() {
	const bodies = new Map<string, { text: string; zipped: Buffer }>();
	const server = createServer((request, response) => {
		const [, size, encoding] = (request.url ?? '').split('/');
		const body = bodies.get(size)!;
		response.writeHead(200, {
			'content-type': 'application/json',
			...(encoding === 'gzip' ? { 'content-encoding': 'gzip' } : {}),
		});
		response.end(encoding === 'gzip' ? body.zipped : body.text);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	const workflow = new TestWorkflow({
		nodeType: new ProbeNode(),
		parameters: {},
		credentials: { apiKey: 'k'.repeat(40), url: base },
	});
	const context = workflow.executeContext([{ json: {} }]);
	const send = async (options: IHttpRequestOptions) =>
		(await context.helpers.httpRequestWithAuthentication.call(
			context,
			'kakiyoApi',
			options,
		)) as IN8nHttpFullResponse;
	const common = { method: 'GET' as const, returnFullResponse: true, ignoreHttpStatusErrors: true };
	const before: Read = async (options) => (await send({ ...options, ...common, json: true })).body;
	const now: Read = async (options) => {
		const response = await send({
			...options,
			...common,
			json: true,
			disableFollowRedirect: true,
			encoding: 'stream',
		});
		return await readAnswer(response.body, undefined);
	};

	const rows = [];
	for (const [label, size] of [
		['1 KB', 1024],
		['1 MB', 1024 * 1024],
	] as const) {
		const text = answerOf(size);
		bodies.set(label.replace(' ', ''), { text, zipped: gzipSync(text) });
		for (const encoding of ['plain', 'gzip']) {
			const url = `${base}/${label.replace(' ', '')}/${encoding}`;
			const time = async (read: Read) => {
				const started = performance.now();
				for (let call = 0; call < CALLS_PER_ROUND; call++) await read({ url });
				return performance.now() - started;
			};
			await time(before);
			await time(now);
			const ratios: number[] = [];
			const best = { before: Infinity, now: Infinity };
			for (let round = 0; round < ROUNDS; round++) {
				const first = round % 2 ? now : before;
				const a = await time(first);
				const b = await time(first === now ? before : now);
				const [tNow, tBefore] = first === now ? [a, b] : [b, a];
				best.now = Math.min(best.now, tNow);
				best.before = Math.min(best.before, tBefore);
				ratios.push(tBefore / tNow);
			}
			ratios.sort((x, y) => x - y);
			rows.push({
				answer: `${label} ${encoding}`,
				'before calls/s': Math.round((CALLS_PER_ROUND * 1000) / best.before),
				'now calls/s': Math.round((CALLS_PER_ROUND * 1000) / best.now),
				ratio: Number(ratios[Math.floor(ratios.length / 2)].toFixed(3)),
			});
		}
	}
	server.close();
	console.log(
		`Reading answers: n8n reading them whole (before) vs a bounded stream (now), ${ROUNDS} interleaved rounds of ${CALLS_PER_ROUND} calls`,
	);
	console.table(rows);
	console.log(
		"calls/s: each path's fastest round. ratio: now / before speed, median over the paired rounds (1.0 = same speed).",
	);
}

void main();
