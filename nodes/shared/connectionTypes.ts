import type { NodeConnectionType } from 'n8n-workflow';

/**
 * The connection type of every input and output of this package's nodes. A community node runs with
 * the n8n-workflow of the n8n that loads it, and its `NodeConnectionTypes` object is missing before
 * n8n 1.8x (n8n then cannot load the node at all). The value it holds, typed here, means the same
 * to every n8n line.
 */
export const MAIN_CONNECTION: NodeConnectionType = 'main';
