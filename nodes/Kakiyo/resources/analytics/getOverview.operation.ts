import type { Operation } from '../../engine/operation';

export const operation: Operation = {
	name: 'Get Overview',
	value: 'getOverview',
	action: 'Get the analytics overview',
	description: "Get the team's outreach figures across campaigns; Kakiyo does not document which",
	effect: 'read',
	properties: [],
	method: 'GET',
	path: '/analytics/overview',
};
