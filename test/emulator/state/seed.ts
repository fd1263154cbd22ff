/**
 * A team's starting objects (I): one running agent, one product, one prompt, and one active campaign
 * using them with two prospects, one of whom has replied. Ids are fresh on every seed, so tests read
 * them from `state()` rather than hard-coding them.
 */
import { newAgent } from '../agents/store';
import { MODELS } from '../catalog/models';
import { newId, nowIso } from '../ids';
import { newProspect } from '../prospects/store';
import type { Plan, StoredCampaign, TeamData, TeamRole } from './model';

export function emptyTeam(role: TeamRole, plan: Plan): TeamData {
	return {
		id: newId(),
		name: role === 'main' ? 'Emulated Sales Team' : 'Other Team', // (I)
		role,
		plan,
		credits: 0,
		agents: [],
		products: [],
		prompts: [],
		campaigns: [],
		prospects: [],
		imports: [],
		dnc: [],
		workspaces: [],
		webhooks: [],
	};
}

/** Fills an empty team with the seed objects. */
export function seedTeam(team: TeamData): void {
	const now = nowIso();
	const agent = newAgent({
		name: 'Emma Carter',
		status: 'running',
		login: 'emma.carter@example.com',
		country: 'US',
	});
	const product = {
		id: newId(),
		name: 'Enterprise Solution',
		description: 'AI agents that run LinkedIn outreach for B2B sales teams.',
		createdAt: now,
		updatedAt: now,
	};
	const prompt = {
		id: newId(),
		name: 'Friendly first message',
		model: MODELS[5].id,
		type: 'message' as const,
		createdAt: now,
		updatedAt: now,
	};
	const campaign: StoredCampaign = {
		id: newId(),
		name: 'Q4 Enterprise Outreach',
		status: 'active',
		productId: product.id,
		promptId: prompt.id,
		agentId: agent.id,
		qualificationAutomatic: 70,
		qualificationVerification: 50,
		variables: { companyValue: 'faster pipeline', painPoint: 'manual prospecting' },
		createdAt: now,
		updatedAt: now,
	};
	const replied = newProspect({
		campaignId: campaign.id,
		name: 'John Smith',
		slug: 'johnsmith',
		headline: 'VP of Sales at Acme Inc',
		location: { city: 'San Francisco', country: 'United States' },
		about: 'Sales leader scaling outbound teams.',
		status: 2,
		messages: [
			{
				role: 'assistant',
				content: 'Hi John, I saw Acme is growing its sales team. Open to a quick chat?',
				date: now,
			},
			{ role: 'user', content: 'Thanks for reaching out! Tell me more.', date: now },
		],
	});
	const invited = newProspect({
		campaignId: campaign.id,
		name: 'Sarah Lee',
		slug: 'sarahlee',
		headline: 'Head of Growth at Globex',
	});
	team.agents.push(agent);
	team.products.push(product);
	team.prompts.push(prompt);
	team.campaigns.push(campaign);
	team.prospects.push(replied, invited);
}
