/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test-only emulator: the optional state file needs node:fs */
/**
 * The `--state FILE`: the whole state (every team's objects, webhooks and credits) and the generated
 * API key, so a developer's emulator survives restarts like the real service would. Version 2; a
 * version 1 file (webhooks and the key only) is still read.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { EmulatedWebhook } from '../types';
import type { TeamData } from './model';

interface StateFileV1 {
	version: 1;
	apiKey?: string;
	webhooks: EmulatedWebhook[];
}

interface StateFileV2 {
	version: 2;
	apiKey?: string;
	teams: TeamData[];
}

/** What a state file held: whole teams (version 2), or only the main team's webhooks (version 1). */
export interface SavedState {
	apiKey?: string;
	teams?: TeamData[];
	webhooks?: EmulatedWebhook[];
}

/** undefined when there is no file yet. */
export function readStateFile(path: string): SavedState | undefined {
	if (!existsSync(path)) return undefined;
	let state: Partial<StateFileV1 | StateFileV2> | undefined;
	let problem = '';
	try {
		state = JSON.parse(readFileSync(path, 'utf8')) as StateFileV1 | StateFileV2;
	} catch (error) {
		problem = (error as Error).message;
	}
	if (!state || typeof state !== 'object') {
		throw new Error(`Emulator state file ${path} is not valid JSON: ${problem}`);
	}
	if (state.version === 2) {
		const { teams } = state as StateFileV2;
		if (!Array.isArray(teams) || teams.some((team) => !team || !Array.isArray(team.agents))) {
			throw new Error(`Emulator state file ${path} has no valid "teams" array`);
		}
		return { apiKey: state.apiKey, teams };
	}
	// Version 1 files were written without a check on `version`; read any file with a webhooks array.
	const { webhooks } = state as StateFileV1;
	if (!Array.isArray(webhooks)) {
		throw new Error(`Emulator state file ${path} has no "webhooks" array`);
	}
	return { apiKey: state.apiKey, webhooks };
}

export function writeStateFile(path: string, apiKey: string | undefined, teams: TeamData[]): void {
	const state: StateFileV2 = { version: 2, apiKey, teams };
	// Write then rename, so a crash never leaves half a file behind.
	mkdirSync(dirname(path), { recursive: true });
	const temporary = `${path}.tmp`;
	writeFileSync(temporary, JSON.stringify(state, null, 2) + '\n');
	renameSync(temporary, path);
}
