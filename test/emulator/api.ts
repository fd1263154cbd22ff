/**
 * The emulated `/v1` API: the table of every route, assembled from one file per resource family.
 * Handlers are plain functions from a parsed call to an answer; the request pipeline does faults,
 * authentication, rate limiting, credits and the request log around them. Each handler validates the
 * body (400), then looks objects up (404, or 403 for another team's), then checks their state (409).
 * Order matters: a specific pattern (`/prospects/search`) comes before a parameter one (`/prospects/:chatId`).
 */
import { agentRoutes } from './agents/routes';
import { analyticsRoutes } from './analytics/routes';
import type { ApiDeps, ApiRoute } from './apiContext';
import { campaignRoutes } from './campaigns/routes';
import { catalogRoutes } from './catalog/routes';
import { dncRoutes } from './dnc/routes';
import { importRoutes } from './prospects/importRoutes';
import { prospectRoutes } from './prospects/routes';
import { webhookRoutes } from './webhooks/routes';
import { workspaceRoutes } from './workspaces/routes';

export function apiRoutes(deps: ApiDeps): ApiRoute[] {
	return [
		...webhookRoutes(deps),
		...agentRoutes(deps),
		...catalogRoutes(),
		...campaignRoutes(deps),
		...importRoutes(deps),
		...prospectRoutes(deps),
		...analyticsRoutes(deps),
		...dncRoutes(deps),
		...workspaceRoutes(deps),
	];
}
