import type { Operation } from '../../engine/operation';
import { agentLocator } from '../locators';

export const operation: Operation = {
	name: 'Relaunch',
	value: 'relaunch',
	action: 'Relaunch an agent',
	description:
		'Start an ended agent afresh under the same ID: removes its LinkedIn credentials, proxy, alerts and pending tasks, so it needs Setup again. Only for agents in status ended.',
	properties: [agentLocator],
	method: 'POST',
	path: '/agents/{agentId}/relaunch',
};
