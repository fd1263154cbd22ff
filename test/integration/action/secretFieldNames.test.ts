import type { INodeParameters } from 'n8n-workflow';
import { scriptedServerForThisFile } from '../../support/scriptedServer';
import { runKakiyo } from './kakiyoRun';

/**
 * Issue 16, finding 6: a secret Kakiyo echoes as a field's name (usage keyed by API key, a check
 * keyed by what was sent) is redacted from the output like one in a value, at any depth.
 */

const kakiyo = scriptedServerForThisFile();

const API_KEY = 'exampleNameKey0123456789abcdefghijklmnop';
const PASSWORD = 'correct horse battery staple';

const run = (parameters: INodeParameters) =>
	runKakiyo({ parameters, baseUrl: kakiyo.baseUrl, apiKey: API_KEY });

it('redacts the API key from field names, at any depth', async () => {
	kakiyo.answer({
		body: {
			usageByKey: { [API_KEY]: { calls: 3 } },
			teams: [{ byKey: { [`${API_KEY} `]: 1, [`key:${encodeURIComponent(API_KEY)}`]: 2 } }],
		},
	});

	const [item] = await run({ resource: 'analytics', operation: 'getOverview' });

	expect(JSON.stringify(item.json)).not.toContain(API_KEY);
	expect(item.json).toEqual({
		usageByKey: { '[redacted]': { calls: 3 } },
		teams: [{ byKey: { '[redacted] ': 1, 'key:[redacted]': 2 } }],
	});
});

it('redacts a typed LinkedIn password from field names', async () => {
	kakiyo.answer({ body: { status: 'connected', checked: { [PASSWORD]: 'ok', login: 'ok' } } });

	const [item] = await run({
		resource: 'agent',
		operation: 'setup',
		agentId: { __rl: true, mode: 'id', value: 'agent_1' },
		login: 'ana@example.com',
		password: PASSWORD,
		country: 'US',
	});

	expect(JSON.stringify(item.json)).not.toContain(PASSWORD);
	expect(item.json).toEqual({ status: 'connected', checked: { '[redacted]': 'ok', login: 'ok' } });
});
