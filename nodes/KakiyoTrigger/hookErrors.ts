import { NodeOperationError, type IHookFunctions } from 'n8n-workflow';
import type { CheckedField, Judgement } from './confirmation';

/** Why activation or deactivation stopped, and what the user can do; nothing was stored. */

export function notApplied(
	context: IHookFunctions,
	id: string,
	judgement: Judgement,
): NodeOperationError {
	return new NodeOperationError(
		context.getNode(),
		`Kakiyo did not apply the update to webhook ${id}`,
		{
			description: `Kakiyo answered that the webhook has ${judgement.contradicted.join(', ')}. Nothing was stored. Check the webhook in the Kakiyo dashboard, or delete it there and activate this workflow again.`,
		},
	);
}

export function notConfirmed(
	context: IHookFunctions,
	id: string,
	fields: CheckedField[],
): NodeOperationError {
	return new NodeOperationError(
		context.getNode(),
		`Kakiyo did not confirm the update to webhook ${id}`,
		{
			description: `Neither Kakiyo's answer nor reading the webhook again shows its ${fields.join(', ')}, so whether the update took effect is unknown. Nothing was stored. Check the webhook in the Kakiyo dashboard, or delete it there and activate this workflow again.`,
		},
	);
}

export function notCreated(
	context: IHookFunctions,
	id: string,
	problems: string[],
): NodeOperationError {
	return new NodeOperationError(context.getNode(), `Kakiyo did not confirm the new webhook ${id}`, {
		description: `Kakiyo answered that the new webhook has ${problems.join(', ')}. Nothing was stored; activating again adopts the webhook by its URL and repairs it. If this repeats, check the webhook in the Kakiyo dashboard.`,
	});
}

export function notDeleted(context: IHookFunctions, id: string): NodeOperationError {
	return new NodeOperationError(context.getNode(), `Kakiyo did not delete webhook ${id}`, {
		description: `Kakiyo answered the deletion of webhook ${id} as a success, yet still shows the webhook. Nothing was changed in n8n; deactivate the workflow again, or delete the webhook in the Kakiyo dashboard.`,
	});
}
