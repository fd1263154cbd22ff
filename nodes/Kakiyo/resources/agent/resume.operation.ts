import type { Operation } from '../../engine/operation';
import { agentLocator } from '../locators';

export const operation: Operation = {
	name: 'Resume',
	value: 'resume',
	action: 'Resume an agent',
	description:
		'Let a paused agent send invitations and messages again; Kakiyo does not document a repeat',
	effect: { undo: 'Pause' },
	properties: [agentLocator],
	method: 'POST',
	path: '/agents/{agentId}/resume',
};
