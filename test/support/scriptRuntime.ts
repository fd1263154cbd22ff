import setup from './jestSetup';
import teardown from './jestTeardown';

/**
 * Node tries `.json` before tsx's `.ts`, so `KakiyoTrigger.node` would load the codex file
 * `KakiyoTrigger.node.json` instead of the node. Jest tries `.ts` first; this makes Node do the same.
 */
function preferTypeScript(): void {
	const loadJson = require.extensions['.json'];
	Reflect.deleteProperty(require.extensions, '.json');
	require.extensions['.json'] = loadJson;
}

/**
 * Runs a command-line tool (started with tsx) in the environment `npm test` gives the nodes: n8n-core
 * isolated (a throwaway user folder, silent logs) and TypeScript resolution as jest does it. `run`
 * must `require` the modules that reach the nodes or n8n-core itself, so that they load after this.
 */
export async function inTestRuntime<T>(run: () => Promise<T>): Promise<T> {
	setup();
	try {
		preferTypeScript();
		return await run();
	} finally {
		teardown();
	}
}
