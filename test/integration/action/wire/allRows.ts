import { agentRows } from './agent.rows';
import { campaignRows } from './campaign.rows';
import { catalogRows } from './catalog.rows';
import { doNotContactRows } from './doNotContact.rows';
import { perItemBatchRows } from './perItemBatch.rows';
import { prospectRows } from './prospect.rows';
import { webhookRows } from './webhook.rows';
import type { WireRow } from './wireRow';
import { workspaceRows } from './workspace.rows';

/** Every operation of the Kakiyo node, one row each: the wire test and the leak sweep run them all. */
export const ALL_WIRE_ROWS: readonly WireRow[] = [
	...agentRows,
	...campaignRows,
	...prospectRows,
	...catalogRows,
	...doNotContactRows,
	...perItemBatchRows,
	...webhookRows,
	...workspaceRows,
];
