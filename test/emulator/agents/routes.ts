/** `/v1/agents`: list, create, get, update, setup, pause, resume, relaunch, delete. */
import type { ApiDeps, ApiRoute } from '../apiContext';
import { created, ok } from '../http';
import {
	checkAgentDeletable,
	newAgent,
	pauseAgent,
	relaunchAgent,
	resumeAgent,
	setUpAgent,
} from './store';
import { applyAgentUpdate, parseAgentSetup, parseAgentUpdate } from './validation';

export function agentRoutes({ world }: ApiDeps): ApiRoute[] {
	return [
		{
			method: 'GET',
			pattern: '/v1/agents',
			handle: ({ team }) => ok({ agents: team.agents, total: team.agents.length }), // shape (I)
		},
		{
			method: 'POST',
			pattern: '/v1/agents',
			handle: ({ team }) => {
				const agent = newAgent();
				team.agents.push(agent);
				return created({ ...agent, message: 'Agent created successfully' }); // (I)
			},
		},
		{
			method: 'GET',
			pattern: '/v1/agents/:id',
			handle: ({ team, params }) => ok(world.owned(team, 'agent', params.id)),
		},
		{
			method: 'PUT',
			pattern: '/v1/agents/:id',
			handle: (call) => {
				const update = parseAgentUpdate(call.json());
				const agent = world.owned(call.team, 'agent', call.params.id);
				applyAgentUpdate(agent, update);
				return ok({ id: agent.id, message: 'Agent settings updated successfully' });
			},
		},
		{
			method: 'POST',
			pattern: '/v1/agents/:id/setup',
			handle: (call) => {
				const { login, country } = parseAgentSetup(call.json());
				const agent = world.owned(call.team, 'agent', call.params.id);
				setUpAgent(agent, login, country);
				// (I) answer; the password is never stored nor echoed.
				return ok({
					id: agent.id,
					status: agent.status,
					message: 'Agent setup completed successfully',
				});
			},
		},
		{
			method: 'POST',
			pattern: '/v1/agents/:id/pause',
			handle: ({ team, params }) => {
				pauseAgent(world.owned(team, 'agent', params.id));
				return ok({ message: 'Agent paused successfully' });
			},
		},
		{
			method: 'POST',
			pattern: '/v1/agents/:id/resume',
			handle: ({ team, params }) => {
				resumeAgent(world.owned(team, 'agent', params.id));
				return ok({ message: 'Agent resumed successfully' }); // (I)
			},
		},
		{
			method: 'POST',
			pattern: '/v1/agents/:id/relaunch',
			handle: ({ team, params }) => {
				const agent = world.owned(team, 'agent', params.id);
				relaunchAgent(agent);
				return ok({ message: 'Agent relaunched successfully', status: agent.status });
			},
		},
		{
			method: 'DELETE',
			pattern: '/v1/agents/:id',
			handle: ({ team, params }) => {
				const agent = world.owned(team, 'agent', params.id);
				checkAgentDeletable(agent);
				team.agents.splice(team.agents.indexOf(agent), 1);
				for (const workspace of team.workspaces) {
					workspace.agentIds = workspace.agentIds.filter((id) => id !== agent.id);
				}
				return ok({ message: 'Agent deleted successfully' });
			},
		},
	];
}
