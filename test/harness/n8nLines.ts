/* eslint-disable @n8n/community-nodes/no-restricted-globals -- test-only harness: the e2e suites pick their n8n lines from the environment */
/**
 * The two n8n release lines the package is tested against, pinned exactly. Changing a pin here is
 * all it takes to move a line: the install cache notices the new pin and rebuilds that line.
 */
export interface N8nLine {
	/** Short id used on the command line (`npm start -- --n8n 1`) and in test names. */
	readonly id: '1' | '2';
	readonly n8nVersion: string;
	/** Version of the npm `node` package to run n8n with; null means the Node running the harness. */
	readonly nodeVersion: string | null;
	/** npm `overrides` for the n8n install folder. */
	readonly overrides: Readonly<Record<string, string>>;
	/** Extra environment n8n needs on this line. */
	readonly env: Readonly<Record<string, string>>;
}

export const N8N_LINES: Readonly<Record<N8nLine['id'], N8nLine>> = {
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
};

export function lineLabel(line: N8nLine): string {
	return `n8n ${line.n8nVersion}`;
}

/** The lines an end-to-end suite runs on: both, or those in `KAKIYO_E2E_LINES` (e.g. `2`). */
export function selectedLines(): N8nLine[] {
	return (process.env.KAKIYO_E2E_LINES ?? '1,2').split(',').map((id) => {
		const line = N8N_LINES[id.trim() as N8nLine['id']];
		if (!line) throw new Error(`KAKIYO_E2E_LINES lists "${id}"; the lines are 1 and 2`);
		return line;
	});
}
