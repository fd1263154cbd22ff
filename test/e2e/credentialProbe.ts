import type { Stack } from './stack';
import { CREDENTIAL_TYPE } from './workflows';

/**
 * n8n's credential Test (what the editor runs after saving) of the stack's credential, which holds
 * the good key, and of a new credential with a wrong key; n8n's two answers.
 */
export async function testGoodAndWrongKey(
	stack: Stack,
): Promise<Record<'good' | 'bad', { status: string; message: string }>> {
	const good = await stack.rest.testCredential(stack.credential, CREDENTIAL_TYPE, {
		apiKey: stack.kakiyo.apiKey,
		url: stack.kakiyo.baseUrl,
	});
	const badData = { apiKey: 'x'.repeat(40), url: stack.kakiyo.baseUrl };
	const badCredential = await stack.rest.createCredential(
		'Kakiyo (wrong key)',
		CREDENTIAL_TYPE,
		badData,
	);
	const bad = await stack.rest.testCredential(badCredential, CREDENTIAL_TYPE, badData);
	return { good, bad };
}
