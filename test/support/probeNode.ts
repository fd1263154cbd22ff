import {
	NodeConnectionTypes,
	type NodeApiError,
	type INodeParameters,
	type IDataObject,
	type IExecuteFunctions,
	type IHttpRequestMethods,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import { kakiyoApiRequest, type RetryPolicy } from '../../nodes/shared/transport';
import { TestWorkflow } from './n8nRuntime';

/**
 * A minimal node that holds the Kakiyo credential, for testing the shared client and helpers in n8n's
 * real contexts. Its `execute()` makes the one call its parameters describe.
 */
export class ProbeNode implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Kakiyo Probe',
		name: 'kakiyoProbe',
		group: ['transform'],
		version: 1,
		description: 'Calls Kakiyo once',
		defaults: { name: 'Kakiyo Probe' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		usableAsTool: true,
		credentials: [{ name: 'kakiyoApi', required: true }],
		// n8n keeps only declared parameters on a node, so the probe declares its three.
		properties: [
			{ displayName: 'Method', name: 'method', type: 'string', default: 'GET' },
			{ displayName: 'Path', name: 'path', type: 'string', default: '/' },
			{ displayName: 'Body', name: 'body', type: 'json', default: '' },
		],
	};

	execute: (this: IExecuteFunctions) => Promise<INodeExecutionData[][]>;

	/** Like the package's nodes, it takes its retry timing from the constructor. */
	constructor(options: { retry?: Readonly<RetryPolicy> } = {}) {
		this.execute = async function (this: IExecuteFunctions) {
			const method = this.getNodeParameter('method', 0) as IHttpRequestMethods;
			const path = this.getNodeParameter('path', 0) as string;
			const body = this.getNodeParameter('body', 0) as IDataObject | '';
			const response = await kakiyoApiRequest.call(this, {
				method,
				path,
				body: body || undefined,
				retry: options.retry,
			});
			return [[{ json: { response } as IDataObject, pairedItem: 0 }]];
		};
	}
}

/** One call through the probe in an execution, as the action node makes its calls. */
export interface ProbeCall {
	method: IHttpRequestMethods;
	path: string;
	/** The credential's Base URL and API key. */
	baseUrl: string;
	apiKey: string;
	body?: IDataObject;
	retry?: Readonly<RetryPolicy>;
	/** The execution's cancel signal. */
	cancel?: AbortSignal;
}

/** Makes the call and returns the answer as the node got it. */
export async function probeCall(call: ProbeCall): Promise<unknown> {
	const workflow = new TestWorkflow({
		nodeType: new ProbeNode({ retry: call.retry }),
		parameters: {
			method: call.method,
			path: call.path,
			...(call.body ? { body: call.body as INodeParameters } : {}),
		},
		credentials: { apiKey: call.apiKey, url: call.baseUrl },
	});
	const [[item]] = await workflow.run(undefined, call.cancel);
	return item.json.response;
}

/** The error the call fails with; throws when it succeeds. */
export async function probeFailure(call: ProbeCall): Promise<NodeApiError> {
	try {
		await probeCall(call);
	} catch (error) {
		return error as NodeApiError;
	}
	throw new Error('expected the call to fail');
}
