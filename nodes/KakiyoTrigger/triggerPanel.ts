import type { TriggerPanelDefinition } from 'n8n-workflow';

/*
 * What the editor's trigger panel says (the side of the node panel that listens for a test event),
 * in the shape and tone of n8n's own webhook-based triggers. n8n 1.x calls making a workflow live
 * "activate", 2.x "publish": the texts name both. `data-key="executions"` is n8n's own link to the
 * executions list.
 */
export const triggerPanel: TriggerPanelDefinition = {
	header: 'Pull in events from Kakiyo',
	executionsHelp: {
		inactive:
			"<b>While building your workflow</b>, click the 'execute step' button, then make one of the chosen events happen in Kakiyo, or send a sample with the Kakiyo node's <i>Webhook Event → Send Test</i>. While it listens, the trigger registers a temporary test webhook with Kakiyo, and the event shows up in this editor.<br /> <br /> <b>Once you're happy with your workflow</b>, publish (activate) it. The trigger then registers its webhook with Kakiyo, and every chosen event runs the workflow. These executions will show up in the <a data-key=\"executions\">executions list</a>, but not in the editor.<br /> <br /> Kakiyo delivers only to a public HTTPS address, and charges 2 credits per delivered event.",
		active:
			"<b>While building your workflow</b>, click the 'execute step' button, then make one of the chosen events happen in Kakiyo, or send a sample with the Kakiyo node's <i>Webhook Event → Send Test</i>. The event shows up in this editor.<br /> <br /> <b>Your workflow also runs automatically</b>, since it's published (active): the trigger's webhook is registered with Kakiyo, and every chosen event runs the workflow. These executions will show up in the <a data-key=\"executions\">executions list</a>, but not in the editor.",
	},
	activationHint: {
		inactive:
			'Once you’ve finished building your workflow, publish (activate) it: the trigger registers its webhook with Kakiyo and runs the workflow for every chosen event (you just won’t see those executions here).',
		active:
			'This node also runs the workflow for every chosen Kakiyo event, since the workflow is published (those executions won’t show up here).',
	},
};
