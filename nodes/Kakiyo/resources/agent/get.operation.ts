import type { Operation } from '../../engine/operation';
import { SIMPLIFIED_AGENT } from './parameters';
import { agentLocator } from '../locators';

export const operation: Operation = {
	name: 'Get',
	value: 'get',
	action: 'Get an agent',
	description: "Get one agent: status, LinkedIn login, today's usage, working hours and alerts",
	effect: 'read',
	properties: [agentLocator],
	method: 'GET',
	path: '/agents/{agentId}',
	simplify: SIMPLIFIED_AGENT,
};
