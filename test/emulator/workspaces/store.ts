/** Workspaces (Agency plan): the plan gate, members, and what assigning an agent reaches. */
import { ApiError, validationError } from '../http';
import type { StoredWorkspace, TeamData } from '../state/model';

/** Every workspace route answers this to a team that is not on the Agency plan (I: 403 forbidden). */
export function requireAgencyPlan(team: TeamData): void {
	if (team.plan !== 'agency') throw new ApiError(403, 'forbidden', 'Agency plan required');
}

export function requireEmail(value: unknown): string {
	if (value === undefined || value === null || value === '') {
		throw validationError('email is required');
	}
	if (typeof value !== 'string' || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim())) {
		throw validationError('email must be an email address');
	}
	return value.trim().toLowerCase();
}

/** What an agent's assignment reaches: its campaigns, and their chats and prospects. */
export function reachOf(team: TeamData, agentIds: string[]) {
	const campaigns = team.campaigns.filter((campaign) => agentIds.includes(campaign.agentId));
	const ids = new Set(campaigns.map((campaign) => campaign.id));
	const prospects = team.prospects.filter((prospect) => ids.has(prospect.campaignId)).length;
	return { campaigns: campaigns.length, chats: prospects, prospects };
}

/** An agent works for one workspace at a time (I): assigning it here takes it from any other. */
export function assignAgent(team: TeamData, workspace: StoredWorkspace, agentId: string): void {
	for (const other of team.workspaces) {
		other.agentIds = other.agentIds.filter((id) => id !== agentId);
	}
	workspace.agentIds.push(agentId);
}
