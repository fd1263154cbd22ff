import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';
import { Kakiyo } from '../../../nodes/Kakiyo/Kakiyo.node';
import type { RunningEmulator } from '../../emulator';
import { TestWorkflow, type LogLine } from '../../support/n8nRuntime';
import { FAST_RETRY } from '../../support/fastRetry';

export interface KakiyoRun {
	/** Node parameters: resource, operation and the operation's own. */
	parameters: INodeParameters;
	baseUrl: string;
	apiKey: string;
	/** Input items; one empty item when absent. */
	items?: IDataObject[];
	continueOnFail?: boolean;
	/** Receives every line the node logged during the run. */
	logs?: LogLine[];
}

/** Runs the Kakiyo node once, in n8n-core's real execute context, and returns its one output. */
export async function runKakiyo(run: KakiyoRun): Promise<INodeExecutionData[]> {
	const workflow = new TestWorkflow({
		nodeType: new Kakiyo({ retry: FAST_RETRY }),
		parameters: run.parameters,
		credentials: { apiKey: run.apiKey, url: run.baseUrl },
		continueOnFail: run.continueOnFail,
	});
	try {
		const [output] = await workflow.run((run.items ?? [{}]).map((json) => ({ json })));
		return output;
	} finally {
		run.logs?.push(...workflow.logs);
	}
}

/** The error the node throws for a run that must fail. */
export async function failKakiyo(run: KakiyoRun): Promise<Error & IDataObject> {
	try {
		await runKakiyo(run);
	} catch (error) {
		return error as Error & IDataObject;
	}
	throw new Error('expected the Kakiyo node to fail');
}

/** The JSON and pairing of output items, for one-line comparisons. */
export function jsonAndPairing(items: INodeExecutionData[]) {
	return items.map((item) => ({ json: item.json, pairedItem: item.pairedItem }));
}

type RunOptions = Partial<Omit<KakiyoRun, 'parameters'>>;

/**
 * Runs the node against the emulator a test suite started (read lazily: suites start it in
 * beforeAll), with the emulator's key unless told otherwise.
 */
export function kakiyoAgainst(emulator: () => RunningEmulator) {
	const setup = (parameters: INodeParameters, options: RunOptions = {}): KakiyoRun => ({
		baseUrl: emulator().baseUrl,
		apiKey: emulator().apiKey,
		parameters,
		...options,
	});
	return {
		run: (parameters: INodeParameters, options?: RunOptions) =>
			runKakiyo(setup(parameters, options)),
		fail: (parameters: INodeParameters, options?: RunOptions) =>
			failKakiyo(setup(parameters, options)),
		/** Method, path and status of every API call the emulator answered, in order. */
		calls: () =>
			emulator()
				.requests()
				.map(({ method, path, status }) => ({ method, path, status })),
		/** Registers one webhook per entry through the node; returns their IDs. */
		async createWebhooks(hooks: Array<{ name: string; url: string; events?: string[] }>) {
			const output = await runKakiyo(
				setup(
					{
						resource: 'webhook',
						operation: 'create',
						name: '={{ $json.name }}',
						url: '={{ $json.url }}',
						events: '={{ $json.events }}',
					},
					{ items: hooks.map((hook) => ({ events: ['*'], ...hook })) },
				),
			);
			return output.map((item) => item.json.id as string);
		},
	};
}
