/** What every `/v1` route handler gets: the parsed call with the caller's team, and shared services. */
import type { Route, RouteCall } from './routing';
import type { TeamData } from './state/model';
import type { World } from './state/world';
import type { ListPaging } from './types';

export interface ApiCall extends RouteCall {
	/** The team of the key that made the call. */
	team: TeamData;
}

export type ApiRoute = Route<ApiCall>;

export interface ApiDeps {
	world: World;
	serverGeneratedSecrets: boolean | 'always';
	/** How long an import stays `processing` (0: done before the next request can look). */
	importDelayMs: number;
	/** How the paged lists page (the `listPaging` option, defaults filled in). */
	listPaging: Required<ListPaging>;
	/** Starts delivering an event to the team's webhooks without waiting; returns how many get it. */
	fire(team: TeamData, event: string, payload: object): number;
}
