import type { Operation } from '../../engine/operation';
import { agentLocator } from '../locators';

export const operation: Operation = {
	name: 'Pause',
	value: 'pause',
	action: 'Pause an agent',
	description:
		'Stop a running agent sending invitations and messages until resumed; Kakiyo does not document a repeat',
	effect: { undo: 'Resume' },
	properties: [agentLocator],
	method: 'POST',
	path: '/agents/{agentId}/pause',
};
