import { NodeOperationError, type IHookFunctions, type IWebhookFunctions } from 'n8n-workflow';
import { ALL_EVENTS, eventNames } from '../shared/eventCatalogue';

/**
 * The events as the trigger registers and compares them: unique and sorted, so the order the user
 * picked them in never looks like a change; just the wildcard when it is among them, since it already
 * covers every other event.
 */
export function normalizeEvents(events: unknown): string[] {
	const unique = eventNames(events);
	return unique.includes(ALL_EVENTS) ? [ALL_EVENTS] : unique.sort();
}

export function sameEvents(a: readonly string[], b: readonly string[]): boolean {
	const left = normalizeEvents(a);
	const right = normalizeEvents(b);
	return left.length === right.length && left.every((event, index) => event === right[index]);
}

/** Whether a delivery's event is one the user chose. */
export function isSelected(event: unknown, chosen: readonly string[]): boolean {
	if (chosen.includes(ALL_EVENTS)) return true;
	return typeof event === 'string' && chosen.includes(event);
}

/** The events chosen in the node, normalised; refuses an empty choice Kakiyo would reject anyway. */
export function chosenEvents(context: IHookFunctions | IWebhookFunctions): string[] {
	const events = normalizeEvents(context.getNodeParameter('events', []));
	if (events.length === 0) {
		throw new NodeOperationError(context.getNode(), 'Choose at least one Kakiyo event', {
			description: 'Pick the events that should start this workflow in the "Events" parameter.',
		});
	}
	return events;
}
