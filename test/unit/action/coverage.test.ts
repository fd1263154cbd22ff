/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- test-only: reads docs/kakiyo-api.md, found from __dirname */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { Kakiyo, RESOURCES } from '../../../nodes/Kakiyo/Kakiyo.node';
import { operationsOf } from '../../support/nodeDescription';

/**
 * Every operation of Kakiyo's API that the node must offer: resource, operation value, method and
 * path, copied by hand from docs/kakiyo-api.md#endpoints (not generated from the code), so that a
 * missing, renamed or re-routed operation fails here.
 */
const SPEC: Array<[string, string, string, string]> = [
	['agent', 'getAll', 'GET', '/agents'],
	['agent', 'create', 'POST', '/agents'],
	['agent', 'get', 'GET', '/agents/{agentId}'],
	['agent', 'update', 'PUT', '/agents/{agentId}'],
	['agent', 'setup', 'POST', '/agents/{agentId}/setup'],
	['agent', 'pause', 'POST', '/agents/{agentId}/pause'],
	['agent', 'resume', 'POST', '/agents/{agentId}/resume'],
	['agent', 'relaunch', 'POST', '/agents/{agentId}/relaunch'],
	['agent', 'delete', 'DELETE', '/agents/{agentId}'],
	['campaign', 'getAll', 'GET', '/campaigns'],
	['campaign', 'create', 'POST', '/campaigns'],
	['campaign', 'update', 'PUT', '/campaigns/{campaignId}'],
	['campaign', 'pause', 'POST', '/campaigns/{campaignId}/pause'],
	['campaign', 'resume', 'POST', '/campaigns/{campaignId}/resume'],
	['campaign', 'getStats', 'GET', '/campaigns/{campaignId}/stats'],
	['campaign', 'delete', 'DELETE', '/campaigns/{campaignId}'],
	['prospect', 'create', 'POST', '/prospects'],
	['prospect', 'createMany', 'POST', '/prospects/batch'],
	['prospect', 'createRoundRobin', 'POST', '/prospects/batch/round-robin'],
	['prospect', 'getImport', 'GET', '/prospects/imports/{listId}'],
	['prospect', 'search', 'GET', '/prospects/search'],
	['prospect', 'getAll', 'GET', '/prospects/campaign/{campaignId}'],
	['prospect', 'get', 'GET', '/prospects/{chatId}'],
	['prospect', 'pause', 'POST', '/prospects/{chatId}/pause'],
	['prospect', 'resume', 'POST', '/prospects/{chatId}/resume'],
	['prospect', 'qualify', 'POST', '/prospects/{chatId}/qualify'],
	['prospect', 'updateCustomData', 'PATCH', '/prospects/{chatId}/custom-data'],
	['prospect', 'delete', 'DELETE', '/prospects/{prospectId}'],
	['prospect', 'deleteMany', 'DELETE', '/prospects'],
	['product', 'getAll', 'GET', '/products'],
	['product', 'create', 'POST', '/products'],
	['prompt', 'getAll', 'GET', '/prompts'],
	['prompt', 'create', 'POST', '/prompts'],
	['model', 'getAll', 'GET', '/models'],
	['model', 'get', 'GET', '/models/{modelId}'],
	['analytics', 'getOverview', 'GET', '/analytics/overview'],
	['analytics', 'getCampaign', 'GET', '/analytics/campaigns/{campaignId}'],
	['doNotContact', 'getAll', 'GET', '/dnc'],
	['doNotContact', 'check', 'GET', '/dnc/check'],
	['doNotContact', 'create', 'POST', '/dnc'],
	['doNotContact', 'createMany', 'POST', '/dnc/batch'],
	['doNotContact', 'delete', 'DELETE', '/dnc/{entryId}'],
	['webhook', 'create', 'POST', '/webhooks'],
	['webhook', 'getAll', 'GET', '/webhooks'],
	['webhook', 'get', 'GET', '/webhooks/{webhookId}'],
	['webhook', 'update', 'PUT', '/webhooks/{webhookId}'],
	['webhook', 'delete', 'DELETE', '/webhooks/{webhookId}'],
	['webhookEvent', 'sendTest', 'POST', '/webhooks/test'],
	['webhookEvent', 'getAll', 'GET', '/webhooks/test/events'],
	['webhookEvent', 'getExample', 'GET', '/webhooks/test/example/{event}'],
	['workspace', 'getAll', 'GET', '/workspaces'],
	['workspace', 'create', 'POST', '/workspaces'],
	['workspace', 'delete', 'DELETE', '/workspaces/{workspaceId}'],
	['workspace', 'inviteClient', 'POST', '/workspaces/{workspaceId}/invite'],
	['workspace', 'removeClient', 'DELETE', '/workspaces/{workspaceId}/clients'],
	['workspace', 'assignAgent', 'POST', '/workspaces/{workspaceId}/agents/{agentId}'],
	['workspace', 'unassignAgent', 'DELETE', '/workspaces/{workspaceId}/agents/{agentId}'],
];

const key = (row: readonly string[]) => row.join(' ');

/** The operation rows of the endpoint table in docs/kakiyo-api.md: resource, operation, method, path. */
function documentedOperations(): string[] {
	const doc = readFileSync(join(__dirname, '..', '..', '..', 'docs', 'kakiyo-api.md'), 'utf8');
	const rows = doc.matchAll(/^\| `(\w+)` +\| `(\w+)` +\| `([A-Z]+) ([^`]+)` +\|/gm);
	return [...rows].map(([, ...cells]) => key(cells));
}

describe('coverage of the Kakiyo API', () => {
	it('lists the 57 operations of the spec, each once', () => {
		expect(SPEC).toHaveLength(57);
		expect(new Set(SPEC.map(key)).size).toBe(57);
	});

	it('offers exactly these operations in the node description', () => {
		const offered = operationsOf().map(({ resource, operation }) => `${resource} ${operation}`);
		expect(offered.sort()).toEqual(
			SPEC.map(([resource, operation]) => `${resource} ${operation}`).sort(),
		);
	});

	it('calls each with the method and path of the spec', () => {
		const declared = RESOURCES.flatMap((resource) =>
			resource.operations.map((operation) =>
				key([resource.value, operation.value, operation.method, operation.path]),
			),
		);
		expect(declared.sort()).toEqual(SPEC.map(key).sort());
	});

	it('is the endpoint table of docs/kakiyo-api.md', () => {
		expect(documentedOperations().sort()).toEqual(SPEC.map(key).sort());
	});

	it('offers the eleven resources under the names saved workflows use', () => {
		const list = new Kakiyo().description.properties.find((p) => p.name === 'resource');
		const values = (list?.options ?? []).map((option) => ('value' in option ? option.value : ''));
		expect(values.sort()).toEqual([
			'agent',
			'analytics',
			'campaign',
			'doNotContact',
			'model',
			'product',
			'prompt',
			'prospect',
			'webhook',
			'webhookEvent',
			'workspace',
		]);
		// Saved workflows omit a parameter left at its default: the default never changes.
		expect(list?.default).toBe('webhook');
	});
});
