/** Agents: a new agent's defaults and the status machine (documented rules plus (I) ones). */
import { conflict } from '../http';
import { newId, nowIso } from '../ids';
import type { AgentStatus, StoredAgent } from '../state/model';

export function newAgent(
	fields: Partial<Pick<StoredAgent, 'name' | 'status' | 'login' | 'country'>> = {},
): StoredAgent {
	const now = nowIso();
	return {
		id: newId(),
		name: fields.name ?? 'New agent', // (I) create takes no body, so no name
		status: fields.status ?? 'setup_needed',
		login: fields.login ?? null,
		country: fields.country ?? null,
		avatar: null,
		nextTask: null,
		usage: {
			invitations: 0,
			invitationsDaily: 0,
			messages: 0,
			messagesDaily: 0,
			nextInvitation: null,
			nextMessage: null,
			workingHours: { days: '1:1:1:1:1:0:0', start: '09:00', stop: '17:00', timezone: 0 },
		},
		// (I) defaults: Kakiyo does not document them.
		limits: { invitationsMin: 10, invitationsMax: 20, messagesMin: 20, messagesMax: 40 },
		settings: { skipInNetwork: false, invitationsOnly: false },
		alerts: [],
		createdAt: now,
		updatedAt: now,
	};
}

/** 409 `invalid_status` with `currentStatus`, as the relaunch and delete pages document it. */
function invalidStatus(agent: StoredAgent, message: string) {
	return conflict('invalid_status', message, { currentStatus: agent.status });
}

function setStatus(agent: StoredAgent, status: AgentStatus): void {
	agent.status = status;
	agent.updatedAt = nowIso();
}

/** Setup finishes at once here: `auth_in_progress` is skipped (I). */
export function setUpAgent(agent: StoredAgent, login: string, country: string): void {
	if (agent.status !== 'setup_needed' && agent.status !== 'auth_needed') {
		// (I) message
		throw invalidStatus(
			agent,
			'Agent can only be set up when status is setup_needed or auth_needed',
		);
	}
	agent.login = login;
	agent.country = country;
	agent.alerts = [];
	setStatus(agent, 'running');
}

/** Pausing a paused agent changes nothing and still succeeds (I). */
export function pauseAgent(agent: StoredAgent): void {
	if (agent.status === 'paused') return;
	if (agent.status !== 'running') {
		throw invalidStatus(agent, 'Agent can only be paused when status is running'); // (I)
	}
	setStatus(agent, 'paused');
}

export function resumeAgent(agent: StoredAgent): void {
	if (agent.status === 'running') return;
	if (agent.status !== 'paused') {
		throw invalidStatus(agent, 'Agent can only be resumed when status is paused'); // (I)
	}
	setStatus(agent, 'running');
}

/** Relaunch clears the credentials and alerts and keeps the id (documented). */
export function relaunchAgent(agent: StoredAgent): void {
	if (agent.status !== 'ended') {
		throw invalidStatus(agent, 'Agent can only be relaunched when status is ended');
	}
	agent.login = null;
	agent.country = null;
	agent.alerts = [];
	agent.nextTask = null;
	setStatus(agent, 'setup_needed');
}

export function checkAgentDeletable(agent: StoredAgent): void {
	if (agent.status !== 'ended') {
		throw invalidStatus(agent, 'Agent can only be deleted when status is ended');
	}
}

export function forceAgentStatus(agent: StoredAgent, status: AgentStatus): void {
	setStatus(agent, status);
}
