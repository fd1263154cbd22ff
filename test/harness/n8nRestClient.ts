import { waitFor } from '../support/waitFor';
import type { N8nLine } from './n8nLines';

/** The owner the harness creates on every fresh n8n (printed by `npm start`). */
export const OWNER = {
	email: 'owner@kakiyo-e2e.test',
	firstName: 'Kakiyo',
	lastName: 'Tester',
	// A throwaway password for local instances; n8n wants 8+ characters, a digit and an upper-case letter.
	password: 'Kakiyo-Example-1',
};

export interface RestResponse {
	status: number;
	/** The `data` member of n8n's JSON envelope, or the whole body when there is none. */
	data: unknown;
	text: string;
}

export interface Activation {
	ok: boolean;
	/** n8n's error message when activation failed. */
	message?: string;
}

export interface ExecutionSummary {
	id: string;
	status: string;
	mode: string;
	/** ISO timestamps; stoppedAt is null while the execution runs. */
	startedAt?: string | null;
	stoppedAt?: string | null;
}

/** Every status an execution can have in 1.x and 2.x (n8n lists only finished ones unless asked). */
export const EXECUTION_STATUSES = [
	'new',
	'running',
	'waiting',
	'success',
	'error',
	'crashed',
	'canceled',
	'unknown',
];

interface ExecutionPage {
	results: ExecutionSummary[];
	/** Exact below 100,000 stored executions (n8n estimates above that on Postgres). */
	count: number;
	estimated?: boolean;
}

interface PublicationStatus {
	status: 'in_progress' | 'published' | 'partial' | 'failed' | 'not_published';
	triggers?: Array<{ nodeId: string; status: string; errorMessage?: string }>;
}

type RunData = Record<string, Array<{ data?: { main?: Array<Array<{ json: unknown }> | null> } }>>;

/**
 * n8n's internal REST API (`/rest`, session cookie), as the editor uses it. One instance per
 * logged-in n8n. Differences between the n8n lines (2.x publishes asynchronously) stay in here.
 */
export class N8nRestClient {
	private cookie = '';

	constructor(
		readonly baseUrl: string,
		private readonly line: N8nLine,
		/** n8n's own `flatted.parse`: stored execution data is flatted, not plain JSON. */
		private readonly parseFlatted: (text: string) => unknown,
	) {}

	async call(method: string, path: string, body?: unknown): Promise<RestResponse> {
		const response = await fetch(`${this.baseUrl}${path}`, {
			method,
			headers: {
				'content-type': 'application/json',
				...(this.cookie ? { cookie: this.cookie } : {}),
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.text();
		const authCookie = response.headers
			.getSetCookie()
			.find((cookie) => cookie.startsWith('n8n-auth='));
		if (authCookie) this.cookie = authCookie.split(';')[0];
		let data: unknown = text;
		try {
			const json = JSON.parse(text) as { data?: unknown };
			data = json && typeof json === 'object' && 'data' in json ? json.data : json;
		} catch {
			// Not JSON (e.g. Express's "Cannot POST"): keep the text.
		}
		return { status: response.status, data, text };
	}

	/** Like call(), but anything other than 2xx is an error naming the route and n8n's answer. */
	async ok<T>(method: string, path: string, body?: unknown): Promise<T> {
		const response = await this.call(method, path, body);
		if (response.status < 200 || response.status > 299) {
			throw new Error(
				`n8n ${method} ${path} answered ${response.status}: ${response.text.slice(0, 500)}`,
			);
		}
		return response.data as T;
	}

	/** Creates the instance owner on a fresh database (a second call is a 400) and logs in. */
	async setupOwnerAndLogin(): Promise<void> {
		const setup = await this.call('POST', '/rest/owner/setup', OWNER);
		if (setup.status !== 200 && !/already setup/i.test(setup.text)) {
			throw new Error(`Owner setup failed with ${setup.status}: ${setup.text.slice(0, 300)}`);
		}
		await this.login();
	}

	async login(): Promise<void> {
		// n8n before 1.7x reads `email`, later releases `emailOrLdapLoginId` (and drop unknown fields).
		await this.ok('POST', '/rest/login', {
			email: OWNER.email,
			emailOrLdapLoginId: OWNER.email,
			password: OWNER.password,
		});
	}

	async nodeTypeNames(): Promise<string[]> {
		return (await this.nodeTypes()).map((type) => type.name);
	}

	/** The node descriptions the editor gets (every version of every node). */
	async nodeTypes(): Promise<Array<{ name: string; inputs: unknown; outputs: unknown }>> {
		return await this.ok('GET', '/types/nodes.json');
	}

	async credentialTypeNames(): Promise<string[]> {
		const types = await this.ok<Array<{ name: string }>>('GET', '/types/credentials.json');
		return types.map((type) => type.name);
	}

	async createCredential(
		name: string,
		type: string,
		data: Record<string, unknown>,
	): Promise<{ id: string; name: string }> {
		const created = await this.ok<{ id: string; name: string }>('POST', '/rest/credentials', {
			name,
			type,
			data,
		});
		return { id: created.id, name: created.name };
	}

	/**
	 * n8n's credential "Test" (what the editor calls after saving): runs the credential type's
	 * `test` request against the remote API. Both lines need a stored credential's id.
	 */
	async testCredential(
		credential: { id: string; name: string },
		type: string,
		data: Record<string, unknown>,
	): Promise<{ status: string; message: string }> {
		return await this.ok('POST', '/rest/credentials/test', {
			credentials: { ...credential, type, data },
		});
	}

	async createWorkflow(workflow: object): Promise<{ id: string; versionId: string }> {
		return await this.ok('POST', '/rest/workflows', workflow);
	}

	async getWorkflow(
		id: string,
	): Promise<{ id: string; active: boolean; versionId: string; staticData?: unknown }> {
		return await this.ok('GET', `/rest/workflows/${id}`);
	}

	/**
	 * Activates and waits until the triggers really are registered. 1.x runs the node's create()
	 * inside the request and reports a failure as an error answer; 2.x answers 200 at once and
	 * applies the change through its publication outbox, so the outcome is only visible in
	 * `publication-status` (a failing create() is retried for about 30 s before it reports).
	 */
	async activate(workflowId: string): Promise<Activation> {
		const response = await this.setActive(workflowId, true);
		if (response.status !== 200) return { ok: false, message: errorMessage(response) };
		const outcome = await this.settledPublication(workflowId);
		if (!outcome || outcome.status === 'published') return { ok: true };
		const failed = outcome.triggers?.find((trigger) => trigger.errorMessage);
		return { ok: false, message: failed?.errorMessage ?? JSON.stringify(outcome) };
	}

	/** Deactivates; on 2.x waits until the outbox has run the node's delete(). */
	async deactivate(workflowId: string): Promise<void> {
		const response = await this.setActive(workflowId, false);
		if (response.status !== 200)
			throw new Error(`Deactivating workflow ${workflowId} failed: ${errorMessage(response)}`);
		const outcome = await this.settledPublication(workflowId);
		if (outcome && outcome.status !== 'not_published') {
			throw new Error(
				`Workflow ${workflowId} is still ${outcome.status} after deactivation: ${JSON.stringify(outcome)}`,
			);
		}
	}

	/**
	 * The activation routes of n8n 1.9x and later; older releases (the floor line) have none and
	 * (de)activate through the workflow's own update, which is synchronous as well.
	 */
	private async setActive(workflowId: string, active: boolean): Promise<RestResponse> {
		const { versionId } = await this.getWorkflow(workflowId);
		const route = `/rest/workflows/${workflowId}/${active ? 'activate' : 'deactivate'}`;
		const response = await this.call('POST', route, active ? { versionId } : {});
		if (response.status !== 404 || !response.text.includes(`Cannot POST ${route}`)) return response;
		return await this.call('PATCH', `/rest/workflows/${workflowId}`, { active, versionId });
	}

	/**
	 * 2.x: waits until no publication of the workflow is in flight (also the startup re-publication
	 * after a restart) and returns its status; undefined on 1.x, where everything is synchronous.
	 */
	async settledPublication(workflowId: string): Promise<PublicationStatus | undefined> {
		if (this.line.n8nVersion.startsWith('1.')) return undefined;
		return await waitFor(
			async () => {
				const status = await this.ok<PublicationStatus>(
					'GET',
					`/rest/workflows/${workflowId}/publication-status`,
				);
				return status.status === 'in_progress' ? undefined : status;
			},
			{
				what: `the publication of workflow ${workflowId} to settle`,
				timeoutMs: 120_000,
				intervalMs: 250,
			},
		);
	}

	/**
	 * The workflow's executions, one entry each. 1.x merges the running executions it holds in
	 * memory with the stored ones, so an execution that is just finishing can be listed twice
	 * (once running, once finished); the finished entry is the one kept.
	 */
	async executions(workflowId: string): Promise<ExecutionSummary[]> {
		const filter = encodeURIComponent(JSON.stringify({ workflowId }));
		const page = await this.ok<{ results: ExecutionSummary[] }>(
			'GET',
			`/rest/executions?filter=${filter}`,
		);
		const byId = new Map<string, ExecutionSummary>();
		for (const execution of page.results) {
			if (!byId.has(execution.id) || execution.status !== 'running')
				byId.set(execution.id, execution);
		}
		return [...byId.values()];
	}

	/**
	 * How many executions of the workflow have one of `statuses` (and started after `since`), as
	 * n8n counts them: exact, unlike paging through the list (see latestExecutions).
	 */
	async countExecutions(workflowId: string, statuses: string[], since?: Date): Promise<number> {
		const page = await this.executionPage(
			{ workflowId, status: statuses, ...(since ? { startedAfter: since.toISOString() } : {}) },
			1,
		);
		if (page.estimated || page.count < 0)
			throw new Error(`n8n only estimated the executions of workflow ${workflowId}`);
		return page.count;
	}

	/**
	 * The (at most 100) latest-started executions of the workflow with one of `statuses` that
	 * started after `since`. Only one page: 2.x pages by `id` below the last row while it sorts by
	 * start time, and in queue mode ids (given at enqueue) and start times (at the worker) differ
	 * in order, so further pages skip and repeat executions.
	 */
	async latestExecutions(
		workflowId: string,
		statuses: string[],
		since: Date,
	): Promise<ExecutionSummary[]> {
		const page = await this.executionPage(
			{ workflowId, status: statuses, startedAfter: since.toISOString() },
			100,
		);
		return page.results;
	}

	private async executionPage(filter: object, limit: number): Promise<ExecutionPage> {
		const query = new URLSearchParams({ filter: JSON.stringify(filter), limit: String(limit) });
		return await this.ok<ExecutionPage>('GET', `/rest/executions?${query.toString()}`);
	}

	private async executionData(executionId: string) {
		const execution = await this.ok<{ data: string }>('GET', `/rest/executions/${executionId}`);
		return this.parseFlatted(execution.data) as {
			resultData: { runData: RunData; error?: { message?: string; description?: string } };
		};
	}

	/** The error an execution stopped with, as n8n stored it; undefined when it succeeded. */
	async executionError(
		executionId: string,
	): Promise<{ message?: string; description?: string } | undefined> {
		return (await this.executionData(executionId)).resultData.error;
	}

	/** The items a node output in an execution (first run, first output). */
	async nodeOutput(executionId: string, nodeName: string): Promise<unknown[]> {
		const decoded = await this.executionData(executionId);
		const runs = decoded.resultData.runData[nodeName];
		if (!runs) {
			throw new Error(
				`Execution ${executionId} has no run of node "${nodeName}" (error: ${decoded.resultData.error?.message ?? 'none'})`,
			);
		}
		return (runs[0].data?.main?.[0] ?? []).map((item) => item.json);
	}
}

function errorMessage(response: RestResponse): string {
	const data = response.data as { message?: string } | undefined;
	return typeof data === 'object' && data?.message
		? data.message
		: `${response.status} ${response.text.slice(0, 300)}`;
}
