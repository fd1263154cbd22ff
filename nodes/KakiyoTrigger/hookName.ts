import type { IHookFunctions } from 'n8n-workflow';

const MAX_WORKFLOW_NAME = 60;

/**
 * The name the webhook gets in Kakiyo: the user's own, or one that names the workflow, the node and
 * whether it is n8n's test or production URL, so a team can tell its hooks apart in the dashboard.
 */
export function hookName(context: IHookFunctions, customName: string): string {
	const test = context.getMode() === 'manual';
	if (customName.trim()) return `${customName.trim()}${test ? ' (n8n test)' : ''}`;
	const workflow = context.getWorkflow();
	const title = (workflow.name ?? '').trim() || 'Untitled workflow';
	const clipped =
		title.length > MAX_WORKFLOW_NAME ? `${title.slice(0, MAX_WORKFLOW_NAME - 3)}...` : title;
	return `n8n: ${clipped} / ${context.getNode().name} [workflow ${workflow.id ?? 'unsaved'}, ${test ? 'test' : 'production'}]`;
}
