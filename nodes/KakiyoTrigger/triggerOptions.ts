import { NodeOperationError, type IHookFunctions, type IWebhookFunctions } from 'n8n-workflow';
import { MAX_MAX_AGE_SECONDS, readMaxAge } from './replayGuard';

/**
 * The options a delivery is judged by, checked: stored on activation beside the events, so that
 * no parameter (nor any expression in it) is evaluated per delivery. A `maxAgeSeconds` of 0 turns
 * the replay guard off.
 */
export interface DeliveryOptions {
	includeHeaders: boolean;
	maxAgeSeconds: number;
}

/**
 * The node's Options collection as deliveries use it, expressions resolved by n8n; undefined when
 * Max Event Age is not a number of seconds within its range, which no delivery could be judged by.
 * Max Event Age not added to the Options means the default window: an n8n collection holds only the
 * options the user added, so the default lives here rather than in the property.
 */
export function optionsFromParameters(
	context: IHookFunctions | IWebhookFunctions,
): DeliveryOptions | undefined {
	const options = context.getNodeParameter('options', {}) as {
		includeHeaders?: unknown;
		maxAgeSeconds?: unknown;
	};
	const maxAge = readMaxAge(options.maxAgeSeconds);
	if (!maxAge.valid) return undefined;
	return { includeHeaders: options.includeHeaders === true, maxAgeSeconds: maxAge.seconds };
}

/** The options to store on activation; refuses unusable ones before anything is registered. */
export function usableOptions(context: IHookFunctions): DeliveryOptions {
	const options = optionsFromParameters(context);
	if (options) return options;
	throw new NodeOperationError(
		context.getNode(),
		`Max Event Age must be a number of seconds from 0 to ${MAX_MAX_AGE_SECONDS}`,
		{
			description:
				'Set Max Event Age (in the Options of the Kakiyo Trigger) to a number such as 300, or to 0 to turn the replay guard off. An expression must give a number, or text holding one.',
		},
	);
}
