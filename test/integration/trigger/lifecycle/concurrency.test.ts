import { type IDataObject } from 'n8n-workflow';
import { KakiyoTrigger } from '../../../../nodes/KakiyoTrigger/KakiyoTrigger.node';
import { FAST_RETRY } from '../../../support/fastRetry';
import { activate, callsSince, hooks, kakiyo, triggerWorkflow, webhookUrlOf, useRig } from '../rig';
import { lifecycleKit } from './lifecycleKit';

/** Several activations of one workflow at once, as n8n can run them in one process or several. */

const rig = useRig();
const { mark } = lifecycleKit(rig);

describe('activations at the same moment in one n8n process', () => {
	/** Two copies of one workflow, as n8n loads them from the database, sharing the process's node type. */
	function copiesOf(
		nodeType = new KakiyoTrigger({ retry: FAST_RETRY }),
		staticData: IDataObject = {},
	) {
		return [0, 1].map(() =>
			triggerWorkflow(rig, {
				nodeType,
				staticData: JSON.parse(JSON.stringify(staticData)) as IDataObject,
			}),
		);
	}

	/** The workflow activated once in this process: its node type, its static data and its hook. */
	async function activatedOnce() {
		const nodeType = new KakiyoTrigger({ retry: FAST_RETRY });
		const staticData: IDataObject = {};
		await activate(triggerWorkflow(rig, { nodeType, staticData }));
		return { nodeType, staticData, hook: rig.emulator.webhooks()[0] };
	}

	/** One hook for the URL, and every copy holds its id and its secret. */
	function expectOneSharedHook(...copies: ReturnType<typeof triggerWorkflow>[]) {
		const mine = rig.emulator.webhooks().filter((hook) => hook.url === webhookUrlOf(copies[0]));
		expect(mine).toHaveLength(1);
		for (const copy of copies) {
			expect(copy.nodeStaticData()).toMatchObject({
				webhookId: mine[0].id,
				webhookSecret: mine[0].secret,
			});
		}
	}

	it('register one hook', async () => {
		const [first, second] = copiesOf();
		await Promise.all([activate(first), activate(second)]);
		expectOneSharedHook(first, second);
	});

	it('agree on one secret when adopting a hook after static data was lost', async () => {
		await activate(triggerWorkflow(rig));
		const [first, second] = copiesOf();
		await Promise.all([activate(first), activate(second)]);
		expectOneSharedHook(first, second);
	});

	it('agree on the new secret when the first one gives the hook one', async () => {
		const { nodeType, staticData, hook } = await activatedOnce();
		// The secret is removed in the dashboard; both copies were loaded holding the old one.
		await kakiyo(rig, 'PUT', `/webhooks/${hook.id}`, { secret: '' });
		const copies = copiesOf(nodeType, staticData);
		await Promise.all(copies.map(async (copy) => await activate(copy)));
		expectOneSharedHook(...copies);
	});

	it('agree that the hook is gone when the first one replaced it', async () => {
		const { nodeType, staticData, hook } = await activatedOnce();
		await kakiyo(rig, 'DELETE', `/webhooks/${hook.id}`);
		const copies = copiesOf(nodeType, staticData);
		await Promise.all(copies.map(async (copy) => await activate(copy)));
		expectOneSharedHook(...copies);
	});

	it('take static data stored later by another process over their own memory', async () => {
		const { nodeType, staticData } = await activatedOnce();
		const node = staticData['node:Kakiyo Trigger'] as IDataObject;
		// Another main gave the hook a new secret and stored it, later.
		await kakiyo(rig, 'PUT', `/webhooks/${String(node.webhookId)}`, {
			secret: 'from-another-main',
		});
		const later = {
			'node:Kakiyo Trigger': {
				...node,
				webhookSecret: 'from-another-main',
				webhookStoredAt: Number(node.webhookStoredAt) + 1000,
			},
		};
		const copy = triggerWorkflow(rig, { nodeType, staticData: later });
		const start = mark();
		await activate(copy);
		expect(callsSince(rig, start)).toEqual(['GET /v1/webhooks/:id']);
		expect(copy.nodeStaticData().webhookSecret).toBe('from-another-main');
	});

	it('leave no hook when a deactivation follows at once', async () => {
		const [first, second] = copiesOf();
		await Promise.all([activate(first), activate(second)]);
		await hooks(first).delete();
		await hooks(second).delete();
		expect(rig.emulator.webhooks()).toEqual([]);
	});
});
