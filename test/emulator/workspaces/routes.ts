/** `/v1/workspaces` (Agency plan only): list, create, delete, invite and remove clients, assign agents. */
import type { ApiDeps, ApiRoute } from '../apiContext';
import { conflict, created, notFound, ok, validationError } from '../http';
import { newId, nowIso } from '../ids';
import { requireText } from '../input';
import type { StoredWorkspace } from '../state/model';
import { assignAgent, reachOf, requireAgencyPlan, requireEmail } from './store';

const shown = ({ id, name, clientTeamId, createdAt }: StoredWorkspace) => ({
	id,
	name,
	clientTeamId,
	createdAt,
});

function parseRoles(value: unknown): string[] {
	if (value === undefined || value === null) return ['member'];
	if (
		!Array.isArray(value) ||
		value.length === 0 ||
		value.some((role) => typeof role !== 'string' || !role.trim())
	) {
		throw validationError('roles must be a non-empty array of role names');
	}
	return value as string[];
}

function checkRedirectUrl(value: unknown): void {
	if (value === undefined || value === null) return;
	try {
		if (typeof value === 'string' && /^https?:$/.test(new URL(value).protocol)) return;
	} catch {
		// answered below
	}
	throw validationError('redirectUrl must be an http(s) URL');
}

export function workspaceRoutes({ world }: ApiDeps): ApiRoute[] {
	// The plan is checked first, on every route, like a permission.
	const gated = (route: ApiRoute): ApiRoute => ({
		...route,
		handle: (call) => {
			requireAgencyPlan(call.team);
			return route.handle(call);
		},
	});
	const routes: ApiRoute[] = [
		{
			method: 'GET',
			pattern: '/v1/workspaces',
			handle: ({ team }) =>
				ok({ workspaces: team.workspaces.map(shown), total: team.workspaces.length }),
		},
		{
			method: 'POST',
			pattern: '/v1/workspaces',
			handle: (call) => {
				const name = requireText(call.json(), 'name');
				const workspace: StoredWorkspace = {
					id: newId(),
					name,
					clientTeamId: newId(),
					createdAt: nowIso(),
					members: [],
					agentIds: [],
				};
				call.team.workspaces.push(workspace);
				return created(shown(workspace));
			},
		},
		{
			method: 'DELETE',
			pattern: '/v1/workspaces/:id',
			handle: ({ team, params }) => {
				const workspace = world.owned(team, 'workspace', params.id);
				const reach = reachOf(team, workspace.agentIds);
				team.workspaces.splice(team.workspaces.indexOf(workspace), 1);
				return ok({
					message: 'Workspace deleted successfully',
					stats: {
						agentsUnassigned: workspace.agentIds.length,
						campaignsUpdated: reach.campaigns,
						chatsUpdated: reach.chats,
					},
				});
			},
		},
		{
			method: 'POST',
			pattern: '/v1/workspaces/:id/invite',
			handle: (call) => {
				const body = call.json();
				const email = requireEmail(body.email);
				const roles = parseRoles(body.roles);
				checkRedirectUrl(body.redirectUrl);
				const workspace = world.owned(call.team, 'workspace', call.params.id);
				if (workspace.members.some((member) => member.email === email)) {
					throw conflict('already_exists', 'This email is already a member of this workspace'); // (I)
				}
				const member = {
					membershipId: newId(),
					userId: newId(),
					email,
					roles,
					invitedAt: nowIso(),
				};
				workspace.members.push(member);
				return ok({
					membershipId: member.membershipId,
					userId: member.userId,
					email,
					portalUrl: `https://app.kakiyo.com/portal/${workspace.id}`, // (I)
					emailSent: true,
				});
			},
		},
		{
			method: 'DELETE',
			pattern: '/v1/workspaces/:id/clients',
			handle: (call) => {
				const email = requireEmail(call.json().email);
				const workspace = world.owned(call.team, 'workspace', call.params.id);
				const index = workspace.members.findIndex((member) => member.email === email);
				if (index < 0) throw notFound('Client not found in this workspace'); // (I)
				workspace.members.splice(index, 1);
				return ok({ message: 'Client removed from workspace', email });
			},
		},
		{
			method: 'POST',
			pattern: '/v1/workspaces/:id/agents/:agentId',
			handle: ({ team, params }) => {
				const workspace = world.owned(team, 'workspace', params.id);
				const agent = world.owned(team, 'agent', params.agentId);
				if (!workspace.agentIds.includes(agent.id)) assignAgent(team, workspace, agent.id);
				return ok({
					agentId: agent.id,
					workspaceId: workspace.id,
					propagated: reachOf(team, [agent.id]),
				});
			},
		},
		{
			method: 'DELETE',
			pattern: '/v1/workspaces/:id/agents/:agentId',
			handle: ({ team, params }) => {
				const workspace = world.owned(team, 'workspace', params.id);
				const agent = world.owned(team, 'agent', params.agentId);
				if (!workspace.agentIds.includes(agent.id)) {
					throw notFound('Agent is not assigned to this workspace'); // (I)
				}
				workspace.agentIds = workspace.agentIds.filter((id) => id !== agent.id);
				return ok({
					message: 'Agent unassigned from workspace',
					agentId: agent.id,
					propagated: reachOf(team, [agent.id]),
				});
			},
		},
	];
	return routes.map(gated);
}
