import { KakiyoTrigger } from '../../../nodes/KakiyoTrigger/KakiyoTrigger.node';
import {
	assertKakiyoCanReach,
	isHostedKakiyo,
	unreachableReason,
} from '../../../nodes/KakiyoTrigger/reachability';
import { TestWorkflow } from '../../support/n8nRuntime';

describe('isHostedKakiyo', () => {
	it.each([
		['https://api.kakiyo.com/v1', true],
		['https://API.Kakiyo.com/v1/', true],
		['https://eu.api.kakiyo.com/v1', true],
		['', true],
		[undefined, true],
		['http://127.0.0.1:4010/v1', false],
		['https://kakiyo.com.attacker.example/v1', false],
		['https://proxy.example.com/kakiyo/v1', false],
		['not a url', false],
	])('%p: %p', (baseUrl, expected) => {
		expect(isHostedKakiyo(baseUrl)).toBe(expected);
	});
});

describe('unreachableReason', () => {
	it.each([
		['https://n8n.example.com/webhook/x/webhook', undefined],
		['https://8.8.8.8/webhook', undefined],
		['https://[2001:db8::1]/webhook', undefined],
		['https://172.32.0.1/webhook', undefined],
		['http://n8n.example.com/webhook', 'it does not use HTTPS'],
		['https://localhost/webhook', 'localhost is a local or private address'],
		['https://n8n.localhost/webhook', 'n8n.localhost is a local or private address'],
		['https://n8n.local/webhook', 'n8n.local is a local or private address'],
		['https://n8n/webhook', 'n8n is a local or private address'],
		['https://127.0.0.1/webhook', '127.0.0.1 is a local or private address'],
		['https://10.1.2.3/webhook', '10.1.2.3 is a local or private address'],
		['https://172.16.0.1/webhook', '172.16.0.1 is a local or private address'],
		['https://192.168.0.10/webhook', '192.168.0.10 is a local or private address'],
		['https://169.254.169.254/webhook', '169.254.169.254 is a local or private address'],
		['https://100.64.0.1/webhook', '100.64.0.1 is a local or private address'],
		['https://0.0.0.0/webhook', '0.0.0.0 is a local or private address'],
		['https://[::1]/webhook', '[::1] is a local or private address'],
		['https://[fd00::5]/webhook', '[fd00::5] is a local or private address'],
		['https://[fe80::1]/webhook', '[fe80::1] is a local or private address'],
		['https://[::ffff:127.0.0.1]/webhook', '[::ffff:7f00:1] is a local or private address'],
		['/webhook/x', 'it is not a valid URL'],
	])('%s', (url, expected) => {
		expect(unreachableReason(url)).toBe(expected);
	});
});

describe('assertKakiyoCanReach', () => {
	const node = new TestWorkflow({
		nodeType: new KakiyoTrigger(),
		parameters: { events: ['*'] },
		credentials: {},
	}).node;

	it('lets anything through for a non-hosted base URL', () => {
		expect(() =>
			assertKakiyoCanReach(node, 'http://localhost:5678/webhook', 'http://127.0.0.1:4010/v1'),
		).not.toThrow();
	});

	it('lets a public HTTPS URL through for the hosted API', () => {
		expect(() =>
			assertKakiyoCanReach(node, 'https://n8n.example.com/webhook', undefined),
		).not.toThrow();
	});

	it('names the URL, the reason and the fixes', () => {
		let error: { message: string; description?: string } | undefined;
		try {
			assertKakiyoCanReach(
				node,
				'http://localhost:5678/webhook/abc/webhook',
				'https://api.kakiyo.com/v1',
			);
		} catch (caught) {
			error = caught as typeof error;
		}
		expect(error?.message).toBe(
			'Kakiyo cannot reach this webhook URL: localhost is a local or private address',
		);
		expect(error?.description).toContain('http://localhost:5678/webhook/abc/webhook');
		expect(error?.description).toContain('WEBHOOK_URL');
		expect(error?.description).toContain('tunnel');
	});
});
