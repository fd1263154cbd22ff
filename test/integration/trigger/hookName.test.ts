import { randomBytes } from 'node:crypto';
import { KakiyoTrigger } from '../../../nodes/KakiyoTrigger/KakiyoTrigger.node';
import { hookName } from '../../../nodes/KakiyoTrigger/hookName';
import { TestWorkflow } from '../../support/n8nRuntime';

describe('hookName', () => {
	const context = (name: string, mode: 'trigger' | 'manual' = 'trigger') => {
		const workflow = new TestWorkflow({
			nodeType: new KakiyoTrigger(),
			parameters: { events: ['*'] },
			credentials: { apiKey: randomBytes(20).toString('hex') },
			workflowId: 'wf-42',
		});
		workflow.workflow.name = name;
		return workflow.hookContext(mode);
	};

	it('names the workflow, the node and the mode', () => {
		expect(hookName(context('Replies'), '')).toBe(
			'n8n: Replies / Kakiyo Trigger [workflow wf-42, production]',
		);
		expect(hookName(context('Replies', 'manual'), '  ')).toBe(
			'n8n: Replies / Kakiyo Trigger [workflow wf-42, test]',
		);
	});

	it('clips a long workflow name', () => {
		const name = hookName(context('x'.repeat(200)), '');
		expect(name).toBe(`n8n: ${'x'.repeat(57)}... / Kakiyo Trigger [workflow wf-42, production]`);
	});

	it('uses a custom name, trimmed, marked in test mode', () => {
		expect(hookName(context('Replies'), ' Inbox ')).toBe('Inbox');
		expect(hookName(context('Replies', 'manual'), 'Inbox')).toBe('Inbox (n8n test)');
	});
});
