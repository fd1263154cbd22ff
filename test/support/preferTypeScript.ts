/**
 * Node tries `.json` before tsx's `.ts`, so `Kakiyo.node` would load the codex file `Kakiyo.node.json`
 * instead of the node. Jest tries `.ts` first; this makes Node do the same, for command-line tools
 * run with tsx that load the nodes from source.
 */
export function preferTypeScript(): void {
	const loadJson = require.extensions['.json'];
	Reflect.deleteProperty(require.extensions, '.json');
	require.extensions['.json'] = loadJson;
}
