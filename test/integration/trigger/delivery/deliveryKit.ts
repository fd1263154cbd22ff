import type { IDataObject } from 'n8n-workflow';
import type { TestWorkflow } from '../../../support/n8nRuntime';
import { activate, triggerWorkflow, type Rig, type TriggerSetup } from '../rig';

/**
 * What the delivery tests share. End to end in one process: the emulator registers, signs and
 * delivers like Kakiyo, the WebhookServer receives like n8n, and the trigger's webhook() decides in
 * a real WebhookContext.
 */
export function deliveryKit(rig: Rig) {
	const executions = () => rig.receiver.executions();
	return {
		/** An activated trigger that the rig's receiver serves. */
		async listening(setup: TriggerSetup = {}): Promise<TestWorkflow> {
			const workflow = triggerWorkflow(rig, setup);
			await activate(workflow);
			rig.receiver.serve(workflow);
			return workflow;
		},
		secretOf: (workflow: TestWorkflow) => workflow.nodeStaticData().webhookSecret as string,
		executions,
		/** The one item of the one execution. */
		onlyItem: () => {
			expect(executions()).toHaveLength(1);
			const [[items]] = executions();
			expect(items).toHaveLength(1);
			return items[0].json;
		},
		/** A payload in Kakiyo's guide shape, stamped now. */
		fresh: (event: string, extra: IDataObject = {}) => ({
			event,
			teamId: 'team_1',
			timestamp: new Date().toISOString(),
			data: { message: 'Hi there', prospectId: 'prospect_1' },
			...extra,
		}),
	};
}
