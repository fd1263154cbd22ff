import type { Operation } from '../../engine/operation';
import { agentLocator } from '../locators';

export const operation: Operation = {
	name: 'Pause',
	value: 'pause',
	action: 'Pause an agent',
	description:
		'Stop a running agent from sending invitations and messages until it is resumed (already paused: no change)',
	properties: [agentLocator],
	method: 'POST',
	path: '/agents/{agentId}/pause',
};
