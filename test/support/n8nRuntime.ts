import {
	ExecuteContext,
	HookContext,
	LoadOptionsContext,
	RoutingNode,
	WebhookContext,
} from 'n8n-core';
import {
	Workflow,
	type ICredentialDataDecryptedObject,
	type ICredentialType,
	type IDataObject,
	type IExecuteData,
	type IHttpRequestOptions,
	type INode,
	type INodeExecutionData,
	type INodeParameters,
	type INodeType,
	type INodeTypes,
	type IRunExecutionData,
	type IWebhookData,
	type IWorkflowExecuteAdditionalData,
	type WorkflowActivateMode,
	type WorkflowExecuteMode,
} from 'n8n-workflow';
import { KakiyoApi } from '../../credentials/KakiyoApi.credentials';

/**
 * Builds n8n-core's real execution contexts around our nodes, the way n8n's server does, so tests run
 * the nodes through n8n's own parameter resolution, static data, webhook URLs and
 * `httpRequestWithAuthentication` (real HTTP to a loopback server), with only the database-backed
 * credential store replaced by an in-memory one.
 */

export const PACKAGE_PREFIX = 'n8n-nodes-kakiyo';
export const TEST_WEBHOOK_BASE_URL = 'http://127.0.0.1:5678/webhook';

const credentialTypes: Record<string, ICredentialType> = { kakiyoApi: new KakiyoApi() };

/**
 * The parts of n8n's CredentialsHelper that node code reaches: it hands out the decrypted data and
 * applies the credential type's own `authenticate` block through n8n's expression engine, as the
 * server does for a `generic` authentication.
 */
export class InMemoryCredentialsHelper {
	/** Every request n8n authenticated for the node, after authentication (headers included). */
	readonly authenticatedRequests: IHttpRequestOptions[] = [];

	constructor(private readonly data: Record<string, ICredentialDataDecryptedObject>) {}

	getParentTypes(): string[] {
		return [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		_nodeCredentials: unknown,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		const data = this.data[type];
		if (!data) throw new Error(`No test credentials of type "${type}"`);
		return { ...data };
	}

	async preAuthentication(): Promise<undefined> {
		return undefined;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions,
		workflow: Workflow,
		node: INode,
	): Promise<IHttpRequestOptions> {
		const authenticate = credentialTypes[typeName]?.authenticate;
		if (!authenticate || typeof authenticate === 'function') {
			throw new Error(`Credential type "${typeName}" has no generic authentication`);
		}
		const resolve = (value: string) =>
			workflow.expression.getSimpleParameterValue(node, value, 'internal', {
				$credentials: credentials,
			}) as string;
		const headers = { ...(requestOptions.headers ?? {}) } as IDataObject;
		for (const [name, value] of Object.entries(authenticate.properties.headers ?? {})) {
			headers[name] = resolve(String(value));
		}
		const authenticated = { ...requestOptions, headers };
		this.authenticatedRequests.push(authenticated);
		return authenticated;
	}

	getCredentialsProperties(type: string) {
		return credentialTypes[type]?.properties ?? [];
	}
}

/** The node types n8n would know after loading our package, under the package's prefix. */
export function nodeTypesOf(...types: INodeType[]): INodeTypes {
	const byName = new Map(types.map((type) => [`${PACKAGE_PREFIX}.${type.description.name}`, type]));
	const get = (name: string) => {
		const type = byName.get(name);
		if (!type) throw new Error(`Unknown node type ${name}`);
		return type;
	};
	return {
		getByName: get,
		getByNameAndVersion: get,
		getKnownTypes: () => ({}),
	};
}

export interface NodeSetup {
	nodeType: INodeType;
	parameters: INodeParameters;
	/** Decrypted `kakiyoApi` credential data, e.g. `{ apiKey, url }`. */
	credentials: ICredentialDataDecryptedObject;
	/** Static data of the whole workflow as n8n stores it (`{ 'node:<name>': {...} }`). */
	staticData?: IDataObject;
	workflowId?: string;
	webhookId?: string;
	continueOnFail?: boolean;
	/** Where n8n serves production webhooks, e.g. a `WebhookServer`'s `baseUrl`. */
	webhookBaseUrl?: string;
	/** The node's version in the workflow (default 1). */
	typeVersion?: number;
}

/** One line the node logged through a context's logger. */
export interface LogLine {
	level: 'error' | 'warn' | 'info' | 'debug';
	message: string;
	meta?: IDataObject;
}

/** One workflow holding one of our nodes, with the pieces a context needs. */
export class TestWorkflow {
	/** What the node logged through any context of this workflow, in order. */
	readonly logs: LogLine[] = [];

	readonly node: INode;
	readonly workflow: Workflow;
	readonly credentialsHelper: InMemoryCredentialsHelper;

	constructor(readonly setup: NodeSetup) {
		this.node = {
			id: 'node-1',
			name: setup.nodeType.description.defaults.name ?? setup.nodeType.description.displayName,
			type: `${PACKAGE_PREFIX}.${setup.nodeType.description.name}`,
			typeVersion: setup.typeVersion ?? 1,
			position: [0, 0],
			parameters: setup.parameters,
			credentials: { kakiyoApi: { id: 'cred-1', name: 'Kakiyo account' } },
			webhookId: setup.webhookId ?? 'b9b1c2f4-5a8e-4d0e-9a53-6f3c1f2e7a10',
			continueOnFail: setup.continueOnFail,
		};
		this.workflow = new Workflow({
			id: setup.workflowId ?? 'wf-test-1',
			name: 'Kakiyo test workflow',
			nodes: [this.node],
			connections: {},
			active: true,
			nodeTypes: nodeTypesOf(setup.nodeType),
			staticData: setup.staticData ?? {},
		});
		this.credentialsHelper = new InMemoryCredentialsHelper({ kakiyoApi: setup.credentials });
	}

	/** n8n's logger, replaced on one context by one that records into `logs`. */
	private recordLogs<T extends object>(context: T): T {
		const record = (level: LogLine['level']) => (message: string, meta?: IDataObject) => {
			this.logs.push({ level, message, meta });
		};
		const logger = {
			error: record('error'),
			warn: record('warn'),
			info: record('info'),
			debug: record('debug'),
		};
		Object.defineProperty(context, 'logger', { value: logger });
		return context;
	}

	/** The node's own static data, as `getWorkflowStaticData('node')` sees it. */
	nodeStaticData(): IDataObject {
		return this.workflow.getStaticData('node', this.node);
	}

	additionalData(
		extra: Partial<IWorkflowExecuteAdditionalData> = {},
	): IWorkflowExecuteAdditionalData {
		return {
			credentialsHelper: this.credentialsHelper,
			webhookBaseUrl: this.setup.webhookBaseUrl ?? TEST_WEBHOOK_BASE_URL,
			webhookTestBaseUrl: `${this.setup.webhookBaseUrl ?? TEST_WEBHOOK_BASE_URL}-test`,
			webhookWaitingBaseUrl: 'http://127.0.0.1:5678/webhook-waiting',
			formWaitingBaseUrl: 'http://127.0.0.1:5678/form-waiting',
			restApiUrl: 'http://127.0.0.1:5678/rest',
			instanceBaseUrl: 'http://127.0.0.1:5678/',
			executionId: 'test-execution',
			userId: 'test-user',
			variables: {},
			currentNodeParameters: undefined,
			executionTimeoutTimestamp: undefined,
			...extra,
		} as unknown as IWorkflowExecuteAdditionalData;
	}

	webhookData(isTest = false): IWebhookData {
		const description = this.setup.nodeType.description.webhooks?.[0];
		if (!description) throw new Error('The node has no webhook');
		return {
			node: this.node.name,
			httpMethod: description.httpMethod as IWebhookData['httpMethod'],
			webhookDescription: description,
			path: `${this.node.webhookId}/${String(description.path)}`,
			workflowId: this.workflow.id,
			workflowExecuteAdditionalData: this.additionalData(),
			isTest,
			webhookId: this.node.webhookId,
		};
	}

	/** The context n8n gives `webhookMethods` on activation (`trigger`) or test listening (`manual`). */
	hookContext(
		mode: WorkflowExecuteMode = 'trigger',
		activation: WorkflowActivateMode = 'activate',
	): HookContext {
		return this.recordLogs(
			new HookContext(
				this.workflow,
				this.node,
				this.additionalData(),
				mode,
				activation,
				this.webhookData(mode === 'manual'),
			),
		);
	}

	/** The context n8n gives `webhook()` for one incoming request. */
	webhookContext(request: unknown, response: unknown, mode: WorkflowExecuteMode = 'webhook') {
		return this.recordLogs(
			new WebhookContext(
				this.workflow,
				this.node,
				this.additionalData({ httpRequest: request, httpResponse: response } as never),
				mode,
				this.webhookData(mode === 'manual'),
				[],
				null,
			),
		);
	}

	loadOptionsContext(path = 'parameters.events'): LoadOptionsContext {
		return new LoadOptionsContext(this.workflow, this.node, this.additionalData(), path);
	}

	/** `abortSignal` plays the execution's cancel signal, which n8n hands the node's HTTP requests. */
	executeContext(items: INodeExecutionData[], abortSignal?: AbortSignal): ExecuteContext {
		const runExecutionData = {
			resultData: { runData: {} },
			executionData: {
				contextData: {},
				nodeExecutionStack: [],
				waitingExecution: {},
				waitingExecutionSource: {},
				metadata: {},
			},
		} as unknown as IRunExecutionData;
		const executeData: IExecuteData = { node: this.node, data: { main: [items] }, source: null };
		return this.recordLogs(
			new ExecuteContext(
				this.workflow,
				this.node,
				this.additionalData(),
				'manual',
				runExecutionData,
				0,
				items,
				{ main: [items] },
				executeData,
				[],
				abortSignal,
			),
		);
	}

	/**
	 * Runs the node once over `items` as n8n's engine does: `execute()` when the node has one,
	 * otherwise n8n's declarative RoutingNode. Returns the items of every output.
	 */
	async run(
		items: INodeExecutionData[] = [{ json: {} }],
		abortSignal?: AbortSignal,
	): Promise<INodeExecutionData[][]> {
		const context = this.executeContext(items, abortSignal);
		const nodeType = this.setup.nodeType;
		const result = nodeType.execute
			? await nodeType.execute.call(context)
			: await new RoutingNode(context, nodeType).runNode();
		return (result ?? []) as INodeExecutionData[][];
	}
}
