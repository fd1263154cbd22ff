/* eslint-disable @n8n/community-nodes/no-restricted-globals -- test-only: measures this process's heap */
import type { IHttpRequestMethods } from 'n8n-workflow';
import { randomBytes } from 'node:crypto';
import { MAX_ANSWER_BYTES } from '../../../nodes/shared/transport/answerBody';
import { FAST_RETRY } from '../../support/fastRetry';
import { probeCall, probeFailure, type ProbeCall } from '../../support/probeNode';
import { scriptedServerForThisFile } from '../../support/scriptedServer';

/**
 * n8n's HTTP helper reads an answer whole, whatever its size. The client reads at most
 * MAX_ANSWER_BYTES of one, counted after decompression, and fails past that with an error naming the
 * limit; below it, answers are parsed exactly as before.
 */
const apiKey = randomBytes(20).toString('hex');
const server = scriptedServerForThisFile();

const probe = (method: IHttpRequestMethods = 'GET'): ProbeCall => ({
	method,
	path: '/verify',
	baseUrl: server.baseUrl,
	apiKey,
	retry: FAST_RETRY,
});

const MB = 1024 * 1024;

describe('an answer larger than the limit', () => {
	it.each(['gzip', 'deflate', 'br', 'identity'] as const)(
		'fails once, naming the limit, when it inflates past it (%s)',
		async (encoding) => {
			// About 64 KB of gzip on the wire; 64 MB once inflated.
			server.answer({ oversized: { bytes: 64 * MB, encoding } });
			const heapBefore = process.memoryUsage().heapUsed;
			const error = await probeFailure(probe());
			expect(error.message).toBe(
				'The answer to GET /verify is larger than 8 MB, the most this node reads from one answer',
			);
			expect(error.description).toMatch(/Check that the Base URL/i);
			// The same answer would come again: no retry, even for a GET.
			expect(server.calls).toHaveLength(1);
			// The answer was not kept: far less than 64 MB more heap (a string of it alone is 64 MB).
			expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(40 * MB);
		},
	);

	it('also when it is an error status', async () => {
		server.answer({ status: 500, oversized: { bytes: 16 * MB } });
		const error = await probeFailure(probe());
		expect(error.message).toMatch(/larger than 8 MB/);
		expect(server.calls).toHaveLength(1);
	});

	it('is read whole up to the limit', async () => {
		server.answer({ oversized: { bytes: MAX_ANSWER_BYTES } });
		const answer = (await probeCall(probe())) as { data: string };
		expect(answer.data).toHaveLength(MAX_ANSWER_BYTES - '{"data":""}'.length);
	});
});

describe('answers below the limit are parsed as before', () => {
	it.each<[string, { status?: number; body: unknown; headers?: Record<string, string> }, unknown]>([
		['JSON', { body: { ok: true, list: [1, 2] } }, { ok: true, list: [1, 2] }],
		['a bare 204', { status: 204, body: '' }, ''],
		['text that is not JSON', { body: '<html>hi</html>' }, '<html>hi</html>'],
		['only spaces', { body: '   ' }, '   '],
		['JSON after a byte-order mark', { body: '\uFEFF{"a":1}' }, { a: 1 }],
		['a JSON string', { body: '"text"' }, 'text'],
		['UTF-8 text', { body: '{"name":"Zoë 👋"}' }, { name: 'Zoë 👋' }],
	])('%s', async (_case, answer, expected) => {
		server.answer(answer);
		expect(await probeCall(probe())).toEqual(expected);
	});
});
