import type { Operation } from '../../engine/operation';
import { agentLocator } from '../locators';

export const operation: Operation = {
	name: 'Resume',
	value: 'resume',
	action: 'Resume an agent',
	description:
		'Let a paused agent send invitations and messages again (already running: no change)',
	properties: [agentLocator],
	method: 'POST',
	path: '/agents/{agentId}/resume',
};
