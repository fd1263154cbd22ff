import { sleep } from 'n8n-workflow';
import { KeyedLock } from '../../../nodes/KakiyoTrigger/keyedLock';

describe('KeyedLock', () => {
	it('runs work for one key one at a time, in arrival order, and keys side by side', async () => {
		const lock = new KeyedLock();
		const events: string[] = [];
		const work = (name: string, ms: number) => async () => {
			events.push(`${name} start`);
			await sleep(ms);
			events.push(`${name} end`);
			return name;
		};
		const results = await Promise.all([
			lock.run('a', work('a1', 30)),
			lock.run('a', work('a2', 1)),
			lock.run('b', work('b1', 1)),
		]);
		expect(results).toEqual(['a1', 'a2', 'b1']);
		expect(events.indexOf('a2 start')).toBeGreaterThan(events.indexOf('a1 end'));
		expect(events.indexOf('b1 end')).toBeLessThan(events.indexOf('a1 end'));
	});

	it('lets the next turn run after a failure, which goes to its own caller', async () => {
		const lock = new KeyedLock();
		const failing = lock.run('a', async () => {
			throw new Error('boom');
		});
		const next = lock.run('a', async () => 'ran');
		await expect(failing).rejects.toThrow('boom');
		await expect(next).resolves.toBe('ran');
	});
});
