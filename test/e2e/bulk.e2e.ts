import { randomUUID } from 'node:crypto';

import { runThroughWebhook } from './actionProbe';
import { exampleFixture } from '../harness/exampleWorkflows';
import { selectedLines } from '../harness/n8nLines';
import { startStack, type Stack } from '../harness/stack';
import { packedPackage, progress } from './suiteSetup';
import {
	ACTION_TYPE,
	ANSWER_WITH_LAST_NODE,
	chainConnections,
	CREDENTIAL_TYPE,
	n8nWebhookNode,
	type WorkflowFixture,
} from '../harness/workflows';

/**
 * Bulk input in real n8n, on both lines: 250 rows made by a Code node go through Prospect > Add Many
 * and Do Not Contact > Add Many with Input "One per Input Item" (the default) in 3 calls each, and
 * come out as 250 items, each paired with its row by n8n (a Code node reads its row through the
 * pairing) and holding its own result. Then the example "add rows as prospects" runs as imported.
 */
const lines = selectedLines();
const packed = packedPackage('kakiyo-e2e-bulk-');

const ROWS = 250;

/** Webhook → `rows` (a Code node making the input rows) → the Kakiyo node → a Code node that puts each result beside the URL of its row, read through n8n's item pairing. */
function rowsWorkflow(stack: Stack, rowsCode: string, kakiyo: Record<string, unknown>) {
	const path = `kakiyo-bulk-${randomUUID()}`;
	const node = (name: string, type: string, parameters: object, x: number, extra = {}) => ({
		id: randomUUID(),
		name,
		type,
		typeVersion: type === ACTION_TYPE ? 1 : 2,
		position: [x, 0],
		parameters,
		...extra,
	});
	const chain = ['Webhook', 'Rows', 'Kakiyo', 'Beside its row'];
	const workflow: WorkflowFixture['workflow'] = {
		name: `Kakiyo bulk ${String(kakiyo.resource)}`,
		active: false,
		nodes: [
			n8nWebhookNode('Webhook', path, ANSWER_WITH_LAST_NODE),
			node('Rows', 'n8n-nodes-base.code', { jsCode: rowsCode }, 220),
			node('Kakiyo', ACTION_TYPE, kakiyo, 440, {
				credentials: { [CREDENTIAL_TYPE]: stack.credential },
			}),
			node(
				'Beside its row',
				'n8n-nodes-base.code',
				{
					mode: 'runOnceForEachItem',
					jsCode: "return { json: { row: $('Rows').item.json.url, result: $json } };",
				},
				660,
			),
		],
		connections: chainConnections(chain),
		settings: { executionOrder: 'v1' },
	};
	return { workflow, webhookPath: `/webhook/${path}` };
}

/** A Code node's body making `ROWS` rows `{name, url}`, the URL in one of Kakiyo's accepted forms. */
const rowsCode = (slug: string) =>
	`const forms = [(s) => 'https://www.linkedin.com/in/' + s + '/', (s) => 'linkedin.com/in/' + s, (s) => 'in/' + s];
return Array.from({ length: ${ROWS} }, (_, i) => ({
  json: { name: 'Person ' + i, url: forms[i % 3]('${slug}-' + i) },
}));`;

interface Paired {
	row: string;
	result: Record<string, unknown>;
}

describe.each(lines)('bulk input on $n8nVersion', (line) => {
	let stack: Stack;

	beforeAll(async () => {
		stack = await startStack({ line, ...packed, progress });
	}, 40 * 60_000);

	afterAll(async () => await stack?.close(), 60_000);

	const batchCalls = (path: string) =>
		stack
			.emulator!.requests()
			.filter((request) => request.method === 'POST' && request.path === path);

	it(`Do Not Contact > Add Many: ${ROWS} rows in 3 calls, each row with its own line`, async () => {
		const slug = `e2e-dnc-${line.id}`;
		stack.emulator!.clearRequests();

		const { output } = await runThroughWebhook(
			stack,
			rowsWorkflow(stack, rowsCode(slug), {
				resource: 'doNotContact',
				operation: 'createMany',
				url: '={{ $json.url }}',
			}),
		);

		const calls = batchCalls('/v1/dnc/batch');
		expect(calls.map(({ body }) => (body as { entries: unknown[] }).entries.length)).toEqual([
			100, 100, 50,
		]);
		const items = output as Paired[];
		expect(items).toHaveLength(ROWS);
		items.forEach(({ row, result }, index) => {
			expect(row).toContain(`${slug}-${index}`);
			expect(result).toEqual({ url: `https://linkedin.com/in/${slug}-${index}`, status: 'added' });
		});
	});

	it(`Prospect > Add Many: ${ROWS} rows in 3 imports, each row with its import and its place in it`, async () => {
		const slug = `e2e-prospect-${line.id}`;
		const campaignId = stack.emulator!.state().teams[0].campaigns[0].id;
		stack.emulator!.clearRequests();

		const { output } = await runThroughWebhook(
			stack,
			rowsWorkflow(stack, rowsCode(slug), {
				resource: 'prospect',
				operation: 'createMany',
				campaignId: { __rl: true, mode: 'id', value: campaignId },
				name: '={{ $json.name }}',
				url: '={{ $json.url }}',
			}),
		);

		const calls = batchCalls('/v1/prospects/batch');
		expect(calls.map(({ body }) => (body as { prospects: unknown[] }).prospects.length)).toEqual([
			100, 100, 50,
		]);
		const imports = stack.emulator!.state().teams[0].imports.slice(-3);
		const items = output as Paired[];
		expect(items).toHaveLength(ROWS);
		items.forEach(({ row, result }, index) => {
			expect(row).toContain(`${slug}-${index}`);
			expect(result).toMatchObject({
				listId: imports[Math.floor(index / 100)].listId,
				campaignId,
				index: index % 100,
			});
		});
	});

	it('the example "add rows as prospects" adds each row and reports its own status', async () => {
		const fixture = exampleFixture('add-rows-as-prospects.json', stack.credential);
		const campaignId = stack.emulator!.state().teams[0].campaigns[0].id;
		// What the user does on import: picks the campaign; the Manual Trigger becomes a Webhook here,
		// so that the harness starts the workflow as the button would.
		const path = `kakiyo-example-${randomUUID()}`;
		const nodes = fixture.nodes.map((node) => {
			if (node.type === ACTION_TYPE) {
				return {
					...node,
					parameters: {
						...node.parameters,
						campaignId: { __rl: true, mode: 'id', value: campaignId },
					},
				};
			}
			if (node.type !== 'n8n-nodes-base.manualTrigger') return node;
			return {
				...(n8nWebhookNode(node.name, path, ANSWER_WITH_LAST_NODE) as object),
				position: (node as { position?: unknown }).position,
			};
		});
		stack.emulator!.clearRequests();

		const { output } = await runThroughWebhook(stack, {
			workflow: { ...fixture.workflow, nodes },
			webhookPath: `/webhook/${path}`,
		});

		expect(output).toEqual([
			expect.objectContaining({
				name: 'Ana Diaz',
				status: 'imported',
				prospectId: expect.any(String),
			}),
			expect.objectContaining({ name: 'Bo Chen', status: 'imported', chatId: expect.any(String) }),
			expect.objectContaining({ name: 'Cy Oh', status: 'imported' }),
			expect.objectContaining({ name: 'Not a profile', status: 'invalid', prospectId: '' }),
		]);
		expect(
			stack.emulator!.requests().map(({ method, path: called }) => `${method} ${called}`),
		).toEqual([
			'POST /v1/prospects/batch',
			expect.stringMatching(/^GET \/v1\/prospects\/imports\//),
		]);
	});
});
