import type { Resource } from '../../engine/operation';
import { operation as getCampaign } from './getCampaign.operation';
import { operation as getOverview } from './getOverview.operation';

/** Analytics: outreach figures for the team and per campaign (read-only). */
export const analytics: Resource = {
	displayName: 'Analytics',
	value: 'analytics',
	defaultOperation: 'getOverview',
	operations: [getCampaign, getOverview],
};
