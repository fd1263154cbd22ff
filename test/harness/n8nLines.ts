/* eslint-disable @n8n/community-nodes/no-restricted-globals -- test-only harness: the e2e suites pick their n8n lines from the environment */
/**
 * The n8n releases the package is tested against, pinned exactly: the two current lines, on which
 * every scenario runs, and the oldest release it supports (`floor`), on which floor.e2e.ts runs a
 * subset. Changing a pin here is all it takes to move a line: the install cache notices the new pin
 * and rebuilds that line.
 */
export type N8nLineId = '1' | '2' | 'floor';

export interface N8nLine {
	/** Short id used on the command line (`npm start -- --n8n 1`) and in test names. */
	readonly id: N8nLineId;
	readonly n8nVersion: string;
	/** Version of the npm `node` package to run n8n with; null means the Node running the harness. */
	readonly nodeVersion: string | null;
	/** npm `overrides` for the n8n install folder. */
	readonly overrides: Readonly<Record<string, string>>;
	/** Extra environment n8n needs on this line. */
	readonly env: Readonly<Record<string, string>>;
}

export const N8N_LINES: Readonly<Record<N8nLineId, N8nLine>> = {
	'1': {
		id: '1',
		n8nVersion: '1.123.81',
		nodeVersion: null,
		// n8n-nodes-base 1.x pulls xlsx from cdn.sheetjs.com, which is unreachable offline.
		overrides: { xlsx: 'npm:@e965/xlsx@0.20.3' },
		// isolated-vm 6 (the default expression engine) has no Node 20 build: n8n dies 2 s after start.
		env: { N8N_EXPRESSION_ENGINE: 'legacy' },
	},
	'2': {
		// 2.41.3 pins @n8n/* versions the registry lacks; 2.41.1 is the newest that installs.
		id: '2',
		n8nVersion: '2.41.1',
		nodeVersion: '24.21.0',
		overrides: {},
		// Stops the only outbound call (api.n8n.io MCP registry); the module name crashes 1.x.
		env: { N8N_DISABLED_MODULES: 'mcp-registry' },
	},
	floor: {
		// The oldest release on which everything the README promises works (README, "Compatibility"):
		// 1.78.1 refuses the Kakiyo node as an AI Agent tool; 1.79.0 and 1.80 are missing from the registry.
		id: 'floor',
		n8nVersion: '1.81.4',
		nodeVersion: null,
		overrides: { xlsx: 'npm:@e965/xlsx@0.20.3' },
		// Before n8n 1.85 a community node's AI Agent tool needs this (off by default, n8n's own setting).
		env: { N8N_COMMUNITY_PACKAGES_ALLOW_TOOL_USAGE: 'true' },
	},
};

/** The lines every scenario runs on; the floor line runs floor.e2e.ts, aiAgentTool.e2e.ts and hostileNetwork.e2e.ts only. */
export const CURRENT_LINES: readonly N8nLineId[] = ['1', '2'];

export const ALL_LINES = Object.keys(N8N_LINES) as readonly N8nLineId[];

export function lineLabel(line: N8nLine): string {
	return `n8n ${line.n8nVersion}`;
}

function listedIds(): N8nLineId[] {
	const listed = process.env.KAKIYO_E2E_LINES;
	if (listed === undefined) return [...ALL_LINES];
	return listed.split(',').map((entry) => {
		const id = entry.trim() as N8nLineId;
		if (!N8N_LINES[id])
			throw new Error(`KAKIYO_E2E_LINES lists "${entry}"; the lines are ${ALL_LINES.join(', ')}`);
		return id;
	});
}

/** Whether `KAKIYO_E2E_LINES` (default: every line) selects this line. */
export function isSelected(id: N8nLineId): boolean {
	return listedIds().includes(id);
}

/**
 * The lines an end-to-end suite runs on: those of `among` (default the current lines) that
 * `KAKIYO_E2E_LINES` selects (default: all, e.g. `2` for one line only).
 */
export function selectedLines(among: readonly N8nLineId[] = CURRENT_LINES): N8nLine[] {
	const lines = among.filter(isSelected).map((id) => N8N_LINES[id]);
	// jest refuses an empty describe.each; say why instead.
	if (lines.length === 0)
		throw new Error(
			`KAKIYO_E2E_LINES=${process.env.KAKIYO_E2E_LINES} selects none of this suite's lines (${among.join(', ')}); the floor line runs test/e2e/floor.e2e.ts, aiAgentTool.e2e.ts and hostileNetwork.e2e.ts only`,
		);
	return lines;
}
