/**
 * The emulator's state and behaviour without any HTTP: the teams' objects, deliveries, faults, rate
 * limits, credits and the request log. The server (server.ts) and the control plane (control.ts) are thin
 * layers over this.
 */
import { apiRoutes } from './api';
import type { ApiRoute } from './apiContext';
import { Deliverer, type DeliveryTarget } from './delivery';
import { isKnownEvent } from './events';
import { FaultQueue } from './faults';
import { validationError } from './http';
import { resolveOptions, worldOptions, type ResolvedOptions } from './options';
import { freshPayload } from './payloads';
import { RateLimiter } from './rateLimit';
import { forceAgentStatus } from './agents/store';
import { forceCampaignStatus } from './campaigns/store';
import { guidePayload } from './prospects/chatEvents';
import { settleImports } from './prospects/imports';
import { addMessage } from './prospects/store';
import {
	AGENT_STATUSES,
	CAMPAIGN_STATUSES,
	type AgentStatus,
	type CampaignStatus,
	type TeamData,
} from './state/model';
import { World } from './state/world';
import type { EmitResult, EmulatorOptions, RecordedRequest } from './types';

export class Emulator {
	readonly world: World;

	readonly settings: ResolvedOptions;

	readonly faults = new FaultQueue();

	readonly limiter: RateLimiter;

	readonly deliverer: Deliverer;

	readonly routes: ApiRoute[];

	private recorded: RecordedRequest[] = [];

	constructor(options: EmulatorOptions) {
		this.world = new World(worldOptions(options));
		this.settings = resolveOptions(options, this.world);
		this.limiter = new RateLimiter(this.settings.rateLimitPerMinute);
		this.deliverer = new Deliverer(this.settings.delivery, this.settings.log);
		this.routes = apiRoutes({
			world: this.world,
			serverGeneratedSecrets: this.settings.serverGeneratedSecrets,
			importDelayMs: this.settings.importDelayMs,
			listPaging: this.settings.listPaging,
			// The API answers at once; the deliveries carry on in the background (idle() waits for them).
			fire: (team, event, payload) =>
				this.deliverer.start(this.target(team), event, payload).webhooks,
		});
	}

	/** The team a valid key belongs to. */
	teamOfKey(key: string): TeamData {
		return this.world.team(this.settings.otherTeamKeys.has(key) ? 'other' : 'main');
	}

	/**
	 * Delivers an event to the main team's subscribers and waits for every retry chain. A given payload
	 * is sent as-is; without one, the event's example is sent with the current time, so only known events
	 * need no payload.
	 */
	async emit(event: string, payload?: object): Promise<EmitResult> {
		if (typeof event !== 'string' || !event) throw validationError('event is required');
		let body: object;
		if (payload !== undefined) body = payload;
		else if (isKnownEvent(event)) body = freshPayload(event);
		else
			throw validationError(
				`Unknown event ${event}: pass a payload to emit an event without an example`,
			);
		return this.emitFor(this.world.main, event, body);
	}

	/** Delivers to one team's subscribers and waits for every retry chain. */
	async emitFor(team: TeamData, event: string, payload: object): Promise<EmitResult> {
		const { webhooks, done } = this.deliverer.start(this.target(team), event, payload);
		return { event, webhooks, deliveries: await done };
	}

	/** The prospect answers: a `user` message in the chat, then `linkedin.message.received`. */
	async reply(chatId: string, message: unknown): Promise<EmitResult> {
		if (typeof message !== 'string' || !message.trim()) {
			throw validationError('message must be a non-empty string');
		}
		const { team, item: prospect } = this.world.anywhere('chat', chatId);
		addMessage(prospect, 'user', message);
		this.world.save();
		const payload = guidePayload('linkedin.message.received', team, prospect, message);
		return this.emitFor(team, payload.event, payload);
	}

	/** The prospect accepts the invitation: the chat is connected (status 2), then the event. */
	async acceptInvitation(chatId: string): Promise<EmitResult> {
		const { team, item: prospect } = this.world.anywhere('chat', chatId);
		prospect.chat.status = 2;
		prospect.updatedAt = new Date().toISOString();
		this.world.save();
		const payload = guidePayload('linkedin.invitation.accepted', team, prospect);
		return this.emitFor(team, payload.event, payload);
	}

	setAgentStatus(agentId: string, status: unknown): void {
		if (!(AGENT_STATUSES as readonly unknown[]).includes(status)) {
			throw validationError(`status must be one of ${AGENT_STATUSES.join(', ')}`);
		}
		forceAgentStatus(this.world.anywhere('agent', agentId).item, status as AgentStatus);
		this.world.save();
	}

	setCampaignStatus(campaignId: string, status: unknown): void {
		if (!(CAMPAIGN_STATUSES as readonly unknown[]).includes(status)) {
			throw validationError(`status must be one of ${CAMPAIGN_STATUSES.join(', ')}`);
		}
		forceCampaignStatus(this.world.anywhere('campaign', campaignId).item, status as CampaignStatus);
		this.world.save();
	}

	/** Lets time-driven work (imports that are due) catch up before anyone looks at the state. */
	settle(): void {
		for (const team of this.world.teams) settleImports(team);
	}

	record(entry: RecordedRequest): void {
		this.recorded.push(entry);
	}

	requests(): RecordedRequest[] {
		return this.recorded.map((entry) => structuredClone(entry));
	}

	clearRequests(): void {
		this.recorded = [];
	}

	reset(): void {
		this.deliverer.reset();
		this.world.reset();
		this.faults.reset();
		this.limiter.reset();
		this.recorded = [];
	}

	private target(team: TeamData): DeliveryTarget {
		return {
			webhooks: this.world.webhooks(team),
			onDelivered: () => {
				team.credits += 2;
				this.world.save();
			},
		};
	}
}
