import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	INodeProperties,
} from 'n8n-workflow';
import type { AnswerCheck } from '../../shared/answerCheck';
import type { ItemParameters } from './itemParameters';

/**
 * One Kakiyo operation as data: the entry in the Operation list, its own parameters, the call it
 * makes and how the answer becomes items. `runOperation` does everything else the same way for every
 * operation (ids, retries, errors, paging, pairing, Continue On Fail, secrets).
 */
export interface Operation {
	/** Display name in the Operation list, e.g. "Get Many". */
	name: string;
	/** The saved value, e.g. "getAll"; workflows depend on it. */
	value: string;
	/** What the operation does, for n8n's action list and AI agents, e.g. "Pause an agent". */
	action: string;
	/** One sentence for users and AI agents: what it does, and what it removes when destructive. */
	description: string;
	/** What the call changes in Kakiyo, for the AI agent that uses the node as a tool (`toolDescription.ts`). */
	effect: Effect;
	/** This operation's own parameters; the resource shows them for this operation only. */
	properties: INodeProperties[];
	method: IHttpRequestMethods;
	/** Path under the base URL; each `{name}` segment is the ID held by parameter `name`. */
	path: string;
	/** Query parameters of the call, read from the item's parameters. */
	qs?: (parameters: ItemParameters) => IDataObject;
	/** JSON body of the call; none when absent. */
	body?: (parameters: ItemParameters) => IDataObject;
	/** Parameters holding secrets (a password): never echoed by an error or an output item. */
	secrets?: string[];
	/**
	 * Which 2xx answers the operation's calls accept (from `shared/answerCheck`); any other fails the
	 * item with what came back. When absent, a JSON object without an error in it (`unlessObject`); a
	 * list (`paging`) is judged by its reader instead, which fails on anything but a list.
	 */
	refuse?: AnswerCheck;
	/** For Get Many: how to read more than one page (and Return All / Limit are added). */
	paging?: Paging;
	/** How an answer becomes output items; one item holding the answer when absent. */
	output?: OutputMapper;
	/**
	 * For a large answer: the fields (dotted paths, IDs first, at most 10) that n8n's Simplify toggle
	 * keeps, on by default (`engine/simplify.ts`). The README lists them per operation.
	 */
	simplify?: readonly string[];
	/**
	 * Replaces the single call when an operation needs more than one (a look-up first, polling after).
	 * Every call goes through `calls`, and so through the same client: `call` makes the declared call,
	 * or with overrides another path, query, body or method; `callOf` another operation's call.
	 */
	run?: (this: IExecuteFunctions, parameters: ItemParameters, calls: Calls) => Promise<unknown>;
	/**
	 * For Kakiyo's batch endpoints: with Input set to one entry per input item (see `bulkInput`), the
	 * runner reads each item's entry, groups the entries into calls of at most Batch Size, and outputs
	 * one item per input item with its own result; the list mode runs per item as any operation.
	 */
	batch?: Batch;
}

/** Many input items → few calls: how one item becomes an entry, and one call's answer its results. */
export interface Batch {
	/** The most entries Kakiyo takes per call (documented, else 100): Batch Size's default and bound. */
	maxSize: number;
	/**
	 * One item's entry, read from its own parameters, and what it must share with the other entries
	 * of its call (the campaign): items are grouped by it. Throws when the item's parameters are
	 * invalid; that item alone fails.
	 */
	read(parameters: ItemParameters): BatchEntry;
	/**
	 * Sends one batch and returns each entry's own result, in the entries' order: an object for its
	 * output item, or an Error that fails that item alone (Kakiyo's answer has no result for it).
	 * Throwing fails every item of the batch. `parameters` are the first item's.
	 */
	send(
		this: IExecuteFunctions,
		batch: { entries: IDataObject[]; shared: IDataObject; parameters: ItemParameters },
		calls: Calls,
	): Promise<Array<IDataObject | Error>>;
}

export interface BatchEntry {
	entry: IDataObject;
	/** Sent with the batch (the campaign, Wait for Import): only equal values share a call. */
	shared?: IDataObject;
}

/**
 * - `read`: changes nothing.
 * - `permanent`: cannot be undone (a delete, a relaunch, a test delivery sent).
 * - `{ undo }`: how another call undoes it, e.g. `{ undo: 'Resume' }` ("Reversible, by Resume.").
 */
export type Effect = 'read' | 'permanent' | { undo: string };

export type OutputMapper = (answer: unknown, parameters: ItemParameters) => IDataObject[];

/**
 * - `single`: Kakiyo returns the whole list at once; Limit trims it.
 * - `offset`: `limit` + `offset` query parameters, `total` in the answer (Do Not Contact).
 * - `cursor`: `limit` + `after` query parameters (campaigns): a cursor Kakiyo names, else the last ID seen
 *   while its `total` says there is more.
 */
export type Paging =
	| { kind: 'single' }
	| { kind: 'offset'; maxPageSize: number }
	| { kind: 'cursor'; maxPageSize: number };

export interface CallOverrides {
	path?: string;
	qs?: IDataObject;
	body?: IDataObject;
	method?: IHttpRequestMethods;
}

export interface Calls {
	/** The declared call, optionally with another path, query or body. */
	call(overrides?: CallOverrides): Promise<unknown>;
	/**
	 * Another operation's call as it declares it (method, path, answer check), with the IDs its path
	 * names given here: Wait for Import's polls are Get Import Status calls.
	 */
	callOf(other: Operation, ids: Record<string, string>): Promise<unknown>;
	/**
	 * An answer as an error's description may quote it: without the API key or any secret, then cut
	 * to `max` characters.
	 */
	quote(answer: unknown, max: number): string;
}

/** One resource of the node: its entry in the Resource list and its operations. */
export interface Resource {
	/** Shown in the Resource list, e.g. "Do Not Contact". */
	displayName: string;
	/** The saved value, e.g. "doNotContact"; workflows depend on it. */
	value: string;
	/** Operation selected when the resource is picked. */
	defaultOperation: string;
	operations: Operation[];
}
