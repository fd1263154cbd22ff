import type { IDataObject } from 'n8n-workflow';
import { KakiyoTrigger } from '../../../../nodes/KakiyoTrigger/KakiyoTrigger.node';
import { sameEvents } from '../../../../nodes/KakiyoTrigger/eventSelection';
import type { RetryPolicy } from '../../../../nodes/shared/transport/retryPolicy';
import type { EmulatedWebhook } from '../../../emulator';
import type { TestWorkflow } from '../../../support/n8nRuntime';
import { hooks, kakiyo, triggerWorkflow, WEBHOOK_ID, type Rig } from '../rig';
import { FAULT_KINDS, makeFault, type FaultKind } from './faults';
import type { Random } from './random';

/** Fast retries and a short deadline, so that a run of 100 sequences takes seconds. */
export const CHAOS_RETRY: Readonly<RetryPolicy> = Object.freeze({
	maxRetries: 3,
	baseDelayMs: 1,
	maxDelayMs: 4,
	timeoutMs: 250,
});

/** What a step does, with how often it is drawn. */
export const STEP_KINDS = {
	activate: 6,
	deactivate: 2,
	activateTwiceAtOnce: 1,
	loseStaticData: 1,
	restart: 1,
	restartLosingStaticData: 1,
	testListening: 1,
	changeEvents: 1,
	behindTheBack: 2,
	fault: 6,
} as const;
export type StepKind = keyof typeof STEP_KINDS;

const BEHIND_THE_BACK = ['deleted', 'disabled', 'secretRemoved', 'eventsChanged'] as const;

const INVARIANTS = [
	'activated: exactly one hook for the URL',
	'activated: the hook is active',
	'activated: the hook has the chosen events',
	"activated: the hook's id and secret are the ones the trigger holds",
	'deactivated: no hook for the URL',
	'test listening ended: no hook for the test URL',
	"the stranger's hook is untouched",
	'settled and active: a signed delivery runs the workflow once',
] as const;
type Invariant = (typeof INVARIANTS)[number];

const EVENT_CHOICES = [
	['linkedin.message.received'],
	['linkedin.message.received', 'linkedin.message.sent'],
	['prospect.qualified', 'linkedin.message.sent'],
	['*'],
];

const count = <K extends string>(keys: readonly K[]) =>
	Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;

/** Everything the run counted, printed at its end. */
export class ChaosCounts {
	sequences = 0;
	steps = 0;
	succeeded = count(Object.keys(STEP_KINDS) as StepKind[]);
	failed = count(Object.keys(STEP_KINDS) as StepKind[]);
	faults = count(Object.keys(FAULT_KINDS) as FaultKind[]);
	behindTheBack = count(BEHIND_THE_BACK);
	checks = count(INVARIANTS);
	settleAttempts = 0;
}

/** A broken invariant, with what is needed to replay it. */
export class InvariantBroken extends Error {}

/**
 * One random sequence against the emulator: one workflow holding the trigger in one n8n process
 * (until a step restarts it), a stranger's hook on another URL, and steps drawn at random. After every
 * step that succeeded, the invariant for what it did is checked; at the end the sequence settles on
 * active or inactive and everything is checked again.
 */
export class ChaosSequence {
	private process = new KakiyoTrigger({ retry: CHAOS_RETRY });

	/** The workflow's static data as n8n's database holds it; each step works on a copy. */
	private stored: IDataObject = {};

	private testStored: IDataObject = {};

	private events = EVENT_CHOICES[0];

	private stranger!: EmulatedWebhook;

	private readonly log: string[] = [];

	constructor(
		private readonly rig: Rig,
		private readonly random: Random,
		private readonly counts: ChaosCounts,
		private readonly label: string,
	) {}

	private get url(): string {
		return `${this.rig.receiver.baseUrl}/${WEBHOOK_ID}/webhook`;
	}

	private get testUrl(): string {
		return `${this.rig.receiver.baseUrl}-test/${WEBHOOK_ID}/webhook`;
	}

	/** A copy of the workflow as n8n loads it from the database, in the current process. */
	private load(stored = this.stored): TestWorkflow {
		return triggerWorkflow(this.rig, {
			nodeType: this.process,
			events: this.events,
			// n8n's static data is an observed object: a JSON round trip copies it as the database would.
			staticData: JSON.parse(JSON.stringify(stored)) as IDataObject,
		});
	}

	private hooksAt(url: string): EmulatedWebhook[] {
		return this.rig.emulator.webhooks().filter((hook) => hook.url === url);
	}

	private check(invariant: Invariant, holds: boolean, detail = ''): void {
		this.counts.checks[invariant] += 1;
		if (holds) return;
		throw new InvariantBroken(
			`${this.label}: "${invariant}" is broken${detail ? ` (${detail})` : ''}. Steps:\n${this.log.join('\n')}\nHooks: ${JSON.stringify(this.rig.emulator.webhooks(), null, 1)}`,
		);
	}

	private checkActive(workflow: TestWorkflow): void {
		const mine = this.hooksAt(this.url);
		this.check(
			'activated: exactly one hook for the URL',
			mine.length === 1,
			`${mine.length} hooks`,
		);
		const [hook] = mine;
		this.check('activated: the hook is active', hook.active);
		this.check(
			'activated: the hook has the chosen events',
			sameEvents(hook.events, this.events),
			`${hook.events.join(',')} instead of ${this.events.join(',')}`,
		);
		const state = workflow.nodeStaticData();
		this.check(
			"activated: the hook's id and secret are the ones the trigger holds",
			state.webhookId === hook.id && state.webhookSecret === hook.secret,
			`holds ${String(state.webhookId)} / ${String(state.webhookSecret).slice(0, 8)}…`,
		);
	}

	private checkInactive(): void {
		this.check('deactivated: no hook for the URL', this.hooksAt(this.url).length === 0);
	}

	private checkStranger(): void {
		const now = this.rig.emulator.webhooks().find((hook) => hook.id === this.stranger.id);
		this.check(
			"the stranger's hook is untouched",
			JSON.stringify(now) === JSON.stringify(this.stranger),
		);
	}

	/** Runs n8n's activation (create only when checkExists finds nothing) on a copy; saves it on success. */
	private async activate(workflow = this.load()): Promise<TestWorkflow> {
		const methods = hooks(workflow);
		if (!(await methods.checkExists())) await methods.create();
		this.stored = workflow.workflow.staticData;
		return workflow;
	}

	private async deactivate(): Promise<void> {
		const workflow = this.load();
		await hooks(workflow).delete();
		this.stored = workflow.workflow.staticData;
	}

	private async step(kind: StepKind): Promise<string> {
		switch (kind) {
			case 'activate':
				this.checkActive(await this.activate());
				return '';
			case 'deactivate':
				await this.deactivate();
				this.checkInactive();
				return '';
			case 'activateTwiceAtOnce': {
				const copies = [this.load(), this.load()];
				const results = await Promise.allSettled(copies.map((copy) => this.activate(copy)));
				const activated = copies.filter((_copy, index) => results[index].status === 'fulfilled');
				for (const copy of activated) this.checkActive(copy);
				if (activated.length === 0) {
					const [first] = results as PromiseRejectedResult[];
					throw new Error(`both failed, first: ${(first.reason as Error).message}`);
				}
				return `${activated.length} of 2 succeeded`;
			}
			case 'loseStaticData':
				this.stored = {};
				return '';
			case 'restart':
				this.process = new KakiyoTrigger({ retry: CHAOS_RETRY });
				return '';
			case 'restartLosingStaticData':
				this.process = new KakiyoTrigger({ retry: CHAOS_RETRY });
				this.stored = {};
				return '';
			case 'testListening': {
				const workflow = this.load(this.testStored);
				const methods = hooks(workflow, 'manual');
				try {
					if (!(await methods.checkExists())) await methods.create();
					await methods.delete();
				} finally {
					this.testStored = workflow.workflow.staticData;
				}
				this.check(
					'test listening ended: no hook for the test URL',
					this.hooksAt(this.testUrl).length === 0,
				);
				return '';
			}
			case 'changeEvents':
				this.events = this.random.pick(EVENT_CHOICES);
				return this.events.join(',');
			case 'behindTheBack':
				return await this.behindTheBack();
			case 'fault': {
				const faultKind = this.random.weighted(FAULT_KINDS);
				const fault = makeFault(faultKind, this.random, CHAOS_RETRY.timeoutMs);
				this.rig.emulator.injectFault(fault);
				this.counts.faults[faultKind] += 1;
				return `${faultKind} on ${fault.method} ${fault.path}`;
			}
		}
	}

	/** Someone changes the trigger's hook in the dashboard (through the API; an armed fault may foil it). */
	private async behindTheBack(): Promise<string> {
		const [hook] = this.hooksAt(this.url);
		if (!hook) return 'no hook to change';
		const action = this.random.pick(BEHIND_THE_BACK);
		const path = `/webhooks/${hook.id}`;
		const call =
			action === 'deleted'
				? kakiyo(this.rig, 'DELETE', path)
				: kakiyo(
						this.rig,
						'PUT',
						path,
						{
							disabled: { active: false },
							secretRemoved: { secret: '' },
							eventsChanged: { events: ['campaign.completed'] },
						}[action],
					);
		await call.catch(() => undefined);
		this.counts.behindTheBack[action] += 1;
		return `${action} ${hook.id}`;
	}

	/** Until it succeeds (the faults still armed run out), the final activation or deactivation. */
	private async settle(active: boolean): Promise<TestWorkflow | undefined> {
		for (let attempt = 1; attempt <= 12; attempt++) {
			this.counts.settleAttempts += 1;
			try {
				const workflow = active ? await this.activate() : undefined;
				if (!active) await this.deactivate();
				const test = this.load(this.testStored);
				await hooks(test, 'manual').delete();
				this.testStored = test.workflow.staticData;
				return workflow;
			} catch (error) {
				this.log.push(`settle ${attempt}: failed (${(error as Error).message})`);
			}
		}
		throw new InvariantBroken(
			`${this.label}: did not settle in 12 attempts. Steps:\n${this.log.join('\n')}`,
		);
	}

	/** A signed delivery of a chosen event reaches the workflow and runs it once. */
	private async checkDelivery(workflow: TestWorkflow): Promise<void> {
		this.rig.receiver.serve(workflow);
		const before = this.rig.receiver.executions().length;
		const event = this.events.includes('*') ? 'linkedin.message.received' : this.events[0];
		const result = await this.rig.emulator.emit(event);
		const ours = result.deliveries.filter((delivery) => delivery.url === this.url);
		this.check(
			'settled and active: a signed delivery runs the workflow once',
			ours.length === 1 &&
				ours[0].delivered &&
				ours[0].attempts === 1 &&
				this.rig.receiver.executions().length === before + 1,
			JSON.stringify(ours),
		);
	}

	async run(): Promise<void> {
		this.events = this.random.pick(EVENT_CHOICES);
		const created = await kakiyo(this.rig, 'POST', '/webhooks', {
			name: 'CRM sync',
			url: 'http://127.0.0.1:9/stranger',
			events: ['campaign.completed'],
			secret: 'the-strangers-secret',
		});
		this.stranger = this.rig.emulator.webhooks().find((hook) => hook.id === created.id)!;

		const steps = this.random.int(4, 10);
		for (let index = 1; index <= steps; index++) {
			const kind = this.random.weighted(STEP_KINDS);
			this.counts.steps += 1;
			this.log.push(`${index}. ${kind}`);
			// A step may fail (that is what faults are for); a broken invariant ends the run.
			let broken: InvariantBroken | undefined;
			try {
				const note = await this.step(kind);
				this.counts.succeeded[kind] += 1;
				if (note) this.log[this.log.length - 1] += `: ${note}`;
			} catch (error) {
				if (error instanceof InvariantBroken) broken = error;
				this.counts.failed[kind] += 1;
				this.log[this.log.length - 1] += ` failed: ${(error as Error).message}`;
			}
			if (broken) throw broken;
			this.checkStranger();
		}

		const active = this.random.chance(0.7);
		this.log.push(`settle on ${active ? 'active' : 'inactive'}`);
		const workflow = await this.settle(active);
		if (workflow) {
			this.checkActive(workflow);
			await this.checkDelivery(workflow);
		} else {
			this.checkInactive();
		}
		this.check(
			'test listening ended: no hook for the test URL',
			this.hooksAt(this.testUrl).length === 0,
		);
		this.checkStranger();
		this.counts.sequences += 1;
	}
}
