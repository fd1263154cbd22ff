import type { Operation } from '../../engine/operation';
import { agentLocator } from '../locators';

export const operation: Operation = {
	name: 'Relaunch',
	value: 'relaunch',
	action: 'Relaunch an agent',
	description:
		'Start an ended agent afresh under the same ID, without its LinkedIn login, proxy, alerts or tasks',
	effect: 'permanent',
	properties: [agentLocator],
	method: 'POST',
	path: '/agents/{agentId}/relaunch',
};
