/**
 * What to tell the user when Kakiyo refuses a call because of the state something is in, or its plan
 * or credits: Kakiyo's own words, and the step that gets past it. The HTTP status of these answers is
 * undocumented (409 is likely), so they are recognised by Kakiyo's error code alone.
 */

export interface Conflict {
	code: string;
	/** `: <Kakiyo's message>`, or empty. */
	said: string;
	/** `currentStatus` from an `invalid_status` answer. */
	currentStatus: string;
	method: string;
	path: string;
}

export interface Explanation {
	message: string;
	description: string;
}

/** What an agent or campaign action needs, by the last segment of its path. */
function statusHint(noun: string, action: string): string {
	if (noun === 'campaign') {
		return 'A completed campaign can no longer be paused or resumed; an active one must be paused before it is deleted.';
	}
	switch (action) {
		case 'pause':
			return 'Only a running agent can be paused. An agent that still needs Set Up or a LinkedIn login cannot run yet.';
		case 'resume':
			return 'Only a paused agent can be resumed. An agent that needs Set Up or a LinkedIn login gets Set Up first; an ended one is relaunched first.';
		case 'setup':
			return 'Set Up connects a new agent (setup_needed) or one whose LinkedIn login expired (auth_needed). Relaunch an ended agent first.';
		case 'relaunch':
		case 'delete':
			return 'Only an agent whose status is "ended" can be relaunched or deleted. Kakiyo ends an agent itself; check its status with Agent > Get.';
		default:
			return `Check the ${noun}'s status with ${noun === 'agent' ? 'Agent' : 'Campaign'} > Get.`;
	}
}

/** An explanation for a state, plan or credit refusal, or undefined for any other code. */
export function explainConflict(conflict: Conflict): Explanation | undefined {
	const { code, said, currentStatus, method, path } = conflict;
	const segments = path.split('?')[0].split('/').filter(Boolean);
	switch (code) {
		case 'campaign_active':
			return {
				message: `Kakiyo refused to delete an active campaign${said}`,
				description:
					'Pause the campaign first (Campaign > Pause), then delete it. Deleting also removes its prospects, conversations and messages.',
			};
		case 'prospect_active':
			return {
				message: `Kakiyo refused to delete a prospect whose conversation is active${said}`,
				description:
					"Pause the prospect's conversation first (Prospect > Pause, with its chat ID), then delete the prospect.",
			};
		case 'invalid_status': {
			const noun = segments[0] === 'campaigns' ? 'campaign' : 'agent';
			const action = method === 'DELETE' ? 'delete' : segments[segments.length - 1];
			const status = currentStatus ? ` is "${currentStatus}"` : "'s status does not allow this";
			return {
				message: `Kakiyo refused: the ${noun}${status}${said}`,
				description: statusHint(noun, action),
			};
		}
		case 'already_exists':
			return {
				message: `Kakiyo already has this${said}`,
				description:
					segments[0] === 'dnc'
						? 'The profile is already on the Do Not Contact list; nothing was changed. Use Check first, or Add Many, which skips profiles already listed.'
						: 'Nothing was changed; it is already there.',
			};
		case 'insufficient_credits':
			return {
				message: `The Kakiyo team has no credits left${said}`,
				description:
					'Every Kakiyo API call costs one credit. Buy credits or upgrade the plan in the Kakiyo dashboard, then run this again.',
			};
	}
	if (code === 'forbidden' && segments[0] === 'workspaces' && /agency/i.test(said)) {
		return {
			message: `Workspaces need Kakiyo's Agency plan${said}`,
			description:
				'Upgrade the team to the Agency plan in the Kakiyo dashboard, or use the API key of an agency team. The other resources work on every plan.',
		};
	}
	return undefined;
}
