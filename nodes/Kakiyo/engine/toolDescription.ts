import type { INodeProperties } from 'n8n-workflow';
import type { Effect, Operation } from './operation';

/*
 * Used as an AI agent's tool, the node is described to the model by n8n with the selected operation's
 * `action` only ("Delete an agent in Kakiyo"), unless the node has a `toolDescription` parameter:
 * then its text is what the model reads. So each operation gets one, shown only in the tool form
 * (`@tool`), whose default tells the model what the operation does, which ID each of its parameters
 * takes and where a workflow finds it, and whether the change can be undone. n8n's `$fromAI()` names
 * a parameter by its display name, which is how the text refers to it.
 */

const EFFECTS: Record<'read' | 'permanent', string> = {
	read: 'Read-only: changes nothing in Kakiyo.',
	permanent: 'Permanent: cannot be undone.',
};

function effectText(effect: Effect): string {
	return typeof effect === 'string' ? EFFECTS[effect] : `Reversible, by ${effect.undo}.`;
}

/** n8n's advice on choosing from a list or an expression: for the editor, not for the model. */
const EDITOR_ADVICE = / ?Choose from the list, or specify .*$/;

const sentence = (text: string) => {
	const plain = text.replace(EDITOR_ADVICE, '').trim();
	return `${plain.charAt(0).toLowerCase()}${plain.slice(1)}${plain.endsWith('.') ? '' : '.'}`;
};

/** The parameters that take an ID (or an event name) Kakiyo knows the object by. */
const takesId = (property: INodeProperties) =>
	property.type === 'resourceLocator' || /Ids?$/.test(property.name) || property.name === 'event';

/**
 * Whether a parameter shows with its siblings at their defaults: a tool node is saved with defaults
 * (one entry per input item for the batch operations), so a parameter of another mode is never
 * filled by the model and must not be described to it.
 */
function shownByDefault(property: INodeProperties, siblings: INodeProperties[]): boolean {
	return Object.entries(property.displayOptions?.show ?? {}).every(([name, values]) => {
		const sibling = siblings.find((candidate) => candidate.name === name);
		return !sibling || (values ?? []).includes(sibling.default as never);
	});
}

/** The ID parameters the model fills in for an operation saved with its defaults. */
export function toolIdParameters(operation: Operation): INodeProperties[] {
	return operation.properties.filter(
		(property) => takesId(property) && shownByDefault(property, operation.properties),
	);
}

/** What the model is told about one operation of the node. */
export function toolDescription(operation: Operation): string {
	const ids = toolIdParameters(operation).map(
		(property) => `${property.displayName}: ${sentence(property.description ?? '')}`,
	);
	return [
		`${operation.action} in Kakiyo: ${sentence(operation.description)}`,
		...ids,
		effectText(operation.effect),
		'Each call costs one Kakiyo credit.',
	].join(' ');
}

/** The operation's Description in the tool form, prefilled with what the model is told. */
export function toolDescriptionProperty(operation: Operation): INodeProperties {
	return {
		displayName: 'Description',
		name: 'toolDescription',
		type: 'string',
		typeOptions: { rows: 4 },
		default: toolDescription(operation),
		displayOptions: { show: { '@tool': [true] } },
		description:
			'What the AI agent is told about this tool: what it does, which IDs it takes and where they come from, and whether it can be undone',
	};
}
