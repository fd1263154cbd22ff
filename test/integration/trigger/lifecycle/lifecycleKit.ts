import { activate, kakiyo, triggerWorkflow, type Rig } from '../rig';

/** What the lifecycle tests share, about the rig's emulated Kakiyo. */
export function lifecycleKit(rig: Rig) {
	return {
		/** How many API calls the emulator has seen: the start for `callsSince`. */
		mark: () => rig.emulator.requests().length,

		/** The webhook Kakiyo holds under this id, secret included. */
		remote: (id: unknown) => rig.emulator.webhooks().find((hook) => hook.id === id),

		/** An activated trigger whose hook was then deleted in the Kakiyo dashboard. */
		async activatedWithHookGone() {
			const workflow = triggerWorkflow(rig);
			await activate(workflow);
			await kakiyo(rig, 'DELETE', `/webhooks/${String(workflow.nodeStaticData().webhookId)}`);
			return workflow;
		},

		/** A hook registered by someone else (another tool, another workflow) straight through the API. */
		async foreignHook(url: string, events = ['*']) {
			return await kakiyo(rig, 'POST', '/webhooks', {
				name: 'CRM sync',
				url,
				events,
				secret: 'theirs',
			});
		},
	};
}
