import type { IDataObject, INodeParameters } from 'n8n-workflow';
import type { RunningEmulator } from '../../../emulator';
import type { TeamData } from '../../../emulator/state/model';
import { apiClient } from '../../../emulator/testKit';

/**
 * One row of the wire test: an operation run with two input items against the emulator, the exact
 * call each item makes, and what each output item holds. Adding an operation takes one row.
 */
export interface WireRow {
	resource: string;
	operation: string;
	/** What sets a further row of the same operation apart, e.g. "with Wait for Import". */
	variant?: string;
	/** Node parameters besides resource and operation; expressions read the items. */
	parameters: INodeParameters;
	/** The two input items, built from the emulator's seeded state (and any set-up it does). */
	items: (kit: WireKit) => Promise<IDataObject[]> | IDataObject[];
	/** The call each item makes: method, path without query, query, JSON body (undefined: none). */
	calls: (items: IDataObject[], kit: WireKit) => WireCall[];
	/** Each output item (matched with toMatchObject) with the index of the input item it pairs with. */
	output: (items: IDataObject[], kit: WireKit) => Array<[IDataObject, number]>;
	/** Both items go out in one call (Input: one per input item): Kakiyo's refusal of it fails both. */
	batched?: boolean;
	/** Further checks on the emulator's state or the output, when the row needs them. */
	check?: (items: IDataObject[], kit: WireKit, output: IDataObject[]) => void;
}

export type WireCall = [string, string, Record<string, string | string[]>, unknown];

/** Each row with its title, "prospect > create" or "prospect > create with Wait for Import", for describe.each. */
export const titled = (rows: readonly WireRow[]): Array<[string, WireRow]> =>
	rows.map((row) => [
		`${row.resource} > ${row.operation}${row.variant ? ` ${row.variant}` : ''}`,
		row,
	]);

/** A call without query or body. */
export const plain = (method: string, path: string): WireCall => [method, path, {}, undefined];

/** A resource-locator value as n8n saves it for "By ID". */
export const byId = (value: string) => ({ __rl: true, mode: 'id', value });

/** A resource-locator value as n8n saves it for "From List". */
export const fromList = (value: string) => ({ __rl: true, mode: 'list', value });

/** What a row's set-up can use: the main team's state and the API, as the emulator's key. */
export class WireKit {
	readonly api: ReturnType<typeof apiClient>;

	constructor(readonly emulator: RunningEmulator) {
		this.api = apiClient(
			() => emulator.baseUrl,
			() => emulator.apiKey,
		);
	}

	/** The main team as it is now. */
	team(): TeamData {
		return this.emulator.state().teams[0];
	}

	/** Calls the API for a set-up step and returns the JSON answer; fails on an error answer. */
	async call(method: string, path: string, body?: unknown): Promise<IDataObject> {
		const reply = await this.api(path, { method, body });
		if (reply.status >= 300) {
			throw new Error(`set-up ${method} ${path} answered ${reply.status}: ${reply.text}`);
		}
		return reply.json as IDataObject;
	}

	/** A new agent in `setup_needed` (or moved to `status`); returns its ID. */
	async agent(status?: Parameters<RunningEmulator['setAgentStatus']>[1]): Promise<string> {
		const { id } = await this.call('POST', '/agents');
		if (status) this.emulator.setAgentStatus(String(id), status);
		return String(id);
	}

	/** A new campaign on the seeded agent, product and prompt; returns its ID. */
	async campaign(name: string): Promise<string> {
		const team = this.team();
		const { id } = await this.call('POST', '/campaigns', {
			name,
			productId: team.products[0].id,
			promptId: team.prompts[0].id,
			agentId: team.agents[0].id,
		});
		return String(id);
	}

	/** New campaigns until the team has `count` ("Campaign 1"…); all their ids in creation order. */
	async campaignsUpTo(count: number): Promise<string[]> {
		for (let index = this.team().campaigns.length; index < count; index++) {
			await this.campaign(`Campaign ${index}`);
		}
		return this.team().campaigns.map((campaign) => campaign.id);
	}

	/** `count` Do Not Contact entries (in/person-0…), added in batches; their ids newest first. */
	async doNotContactEntries(count: number): Promise<string[]> {
		const entries = Array.from({ length: count }, (_, index) => ({ url: `in/person-${index}` }));
		for (let start = 0; start < count; start += 500) {
			await this.call('POST', '/dnc/batch', { entries: entries.slice(start, start + 500) });
		}
		return this.team()
			.dnc.map((entry) => entry.$id)
			.reverse();
	}
}
