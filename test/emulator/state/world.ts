/**
 * Everything the emulator holds: the main team (every key in `apiKeys`), optionally a second team
 * (`otherTeam.apiKeys`) whose objects exist separately, the read-only models, and the state file.
 */
import { MODELS } from '../catalog/models';
import { WebhookStore } from '../webhooks/store';
import { owned, anywhere, type ItemOf, type KindName } from './lookup';
import type { EmulatorState, Plan, TeamData, TeamRole } from './model';
import { emptyTeam, seedTeam } from './seed';
import { readStateFile, writeStateFile } from './stateFile';

export interface WorldOptions {
	statePath?: string;
	/** Seed each team with the starting objects (default true). */
	seed: boolean;
	plan: Plan;
	/** Present when a second team is configured. */
	otherPlan?: Plan;
}

export class World {
	private teamList: TeamData[] = [];

	private savedApiKey: string | undefined;

	constructor(private readonly options: WorldOptions) {
		const saved = options.statePath ? readStateFile(options.statePath) : undefined;
		this.savedApiKey = saved?.apiKey;
		for (const role of this.roles()) {
			const team = saved?.teams?.find((entry) => entry.role === role) ?? this.newTeam(role);
			// A file from before teams (version 1) holds only the main team's webhooks.
			if (role === 'main' && saved?.webhooks) team.webhooks = saved.webhooks;
			team.plan = this.planOf(role); // the options decide the plan, not the file
			this.teamList.push(team);
		}
		// Teams the file has but the options do not name are kept, so nothing is lost on the next save.
		for (const team of saved?.teams ?? []) {
			if (!this.teamList.some((entry) => entry.role === team.role)) this.teamList.push(team);
		}
	}

	get teams(): TeamData[] {
		return this.teamList;
	}

	get main(): TeamData {
		return this.teamList[0];
	}

	/** The team a (valid) key belongs to. */
	team(role: TeamRole): TeamData {
		return this.teamList.find((team) => team.role === role) ?? this.main;
	}

	/** The generated key saved by an earlier run, so a restarted emulator accepts the same key. */
	get apiKey(): string | undefined {
		return this.savedApiKey;
	}

	rememberApiKey(key: string): void {
		this.savedApiKey = key;
		this.save();
	}

	/** The caller's object, or 403 (another team's) / 404 (nobody's). See lookup.ts. */
	owned<K extends KindName>(caller: TeamData, kind: K, id: string, missing?: string): ItemOf<K> {
		return owned(this.teamList, caller, kind, id, missing);
	}

	/** An object of any team, for the control plane. */
	anywhere<K extends KindName>(kind: K, id: string): { team: TeamData; item: ItemOf<K> } {
		return anywhere(this.teamList, kind, id);
	}

	webhooks(team: TeamData): WebhookStore {
		return new WebhookStore(team.webhooks, () => this.save());
	}

	/** A deep copy: changing it changes nothing in the emulator. */
	snapshot(): EmulatorState {
		return structuredClone({ teams: this.teamList, models: [...MODELS] });
	}

	/** Every team back to its seed (or empty), webhooks and credits included; team ids and keys stay. */
	reset(): void {
		this.teamList = this.teamList.map((team) => {
			const fresh = emptyTeam(team.role, team.plan);
			Object.assign(fresh, { id: team.id, name: team.name });
			if (this.options.seed) seedTeam(fresh);
			return fresh;
		});
		this.save();
	}

	save(): void {
		if (this.options.statePath)
			writeStateFile(this.options.statePath, this.savedApiKey, this.teamList);
	}

	private roles(): TeamRole[] {
		return this.options.otherPlan === undefined ? ['main'] : ['main', 'other'];
	}

	private planOf(role: TeamRole): Plan {
		return role === 'main' ? this.options.plan : (this.options.otherPlan ?? 'agency');
	}

	private newTeam(role: TeamRole): TeamData {
		const team = emptyTeam(role, this.planOf(role));
		if (this.options.seed) seedTeam(team);
		return team;
	}
}
