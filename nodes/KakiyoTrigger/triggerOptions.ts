import { NodeOperationError, type IHookFunctions, type IWebhookFunctions } from 'n8n-workflow';
import { readMaxAge, type MaxAge } from './replayGuard';

export interface TriggerOptions {
	includeHeaders: boolean;
	maxAge: MaxAge;
}

/** The node's Options collection as the trigger uses it; expressions are already resolved by n8n. */
export function readTriggerOptions(context: IHookFunctions | IWebhookFunctions): TriggerOptions {
	const options = context.getNodeParameter('options', {}) as {
		includeHeaders?: unknown;
		maxAgeSeconds?: unknown;
	};
	return {
		includeHeaders: options.includeHeaders === true,
		maxAge: readMaxAge(options.maxAgeSeconds),
	};
}

/** Refuses activation with options no delivery could be judged by, before anything is registered. */
export function assertUsableOptions(context: IHookFunctions): void {
	if (readTriggerOptions(context).maxAge.valid) return;
	throw new NodeOperationError(context.getNode(), 'Max Event Age must be a number of seconds', {
		description:
			'Set Max Event Age (in the Options of the Kakiyo Trigger) to a number such as 300, or to 0 to turn the replay guard off. An expression must give a number, or text holding one.',
	});
}
