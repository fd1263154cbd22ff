import type { Operation } from '../../engine/operation';

export const operation: Operation = {
	name: 'Get Overview',
	value: 'getOverview',
	action: 'Get the analytics overview',
	description:
		"The team's outreach figures across campaigns (prospects, invitations, connections, answers, qualified) as Kakiyo returns them",
	properties: [],
	method: 'GET',
	path: '/analytics/overview',
};
