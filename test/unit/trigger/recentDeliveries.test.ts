import { RecentDeliveries } from '../../../nodes/KakiyoTrigger/recentDeliveries';

describe('RecentDeliveries', () => {
	it('refuses a repeat until its expiry, that moment included, and admits it after', () => {
		const recent = new RecentDeliveries();
		expect(recent.admit('a', 1_000, 0)).toBe(true);
		expect(recent.admit('a', 1_000, 500)).toBe(false);
		expect(recent.admit('a', 1_000, 1_000)).toBe(false);
		expect(recent.admit('a', 2_000, 1_001)).toBe(true);
		expect(recent.admit('b', 1_000, 0)).toBe(true);
	});

	it('forgets expired entries as new ones come', () => {
		const recent = new RecentDeliveries();
		for (let index = 0; index < 100; index++) recent.admit(`old-${index}`, 1_000, 0);
		recent.admit('new', 10_000, 5_000);
		expect(recent.size).toBe(1);
	});

	it('holds at most its capacity, dropping the oldest first', () => {
		const recent = new RecentDeliveries(3);
		for (const digest of ['a', 'b', 'c', 'd']) recent.admit(digest, 1_000, 0);
		expect(recent.size).toBe(3);
		expect(recent.admit('d', 1_000, 1)).toBe(false);
		expect(recent.admit('a', 1_000, 1)).toBe(true);
	});
});
