import { describe, expect, it } from 'vitest';
import { latestSlot } from './schedule';
import { retryDelaySeconds } from './backoff';

const at = (iso: string) => new Date(iso);

describe('scheduled slots', () => {
	it('a daily slot at 07:00 Dutch time is today once 07:00 has passed, yesterday before', () => {
		expect(latestSlot({ dailyAt: '07:00' }, at('2026-11-24T06:00:00Z'))).toEqual(at('2026-11-24T06:00:00Z'));
		expect(latestSlot({ dailyAt: '07:00' }, at('2026-11-24T05:59:59Z'))).toEqual(at('2026-11-23T06:00:00Z'));
		expect(latestSlot({ dailyAt: '07:00' }, at('2026-11-24T23:30:00Z'))).toEqual(at('2026-11-24T06:00:00Z'));
	});

	it('follows summer time: 07:00 in July is 05:00 UTC', () => {
		expect(latestSlot({ dailyAt: '07:00' }, at('2026-07-04T12:00:00Z'))).toEqual(at('2026-07-04T05:00:00Z'));
		// The night of the switch to summer time (29 March 2026): the slot that day is at 05:00 UTC.
		expect(latestSlot({ dailyAt: '07:00' }, at('2026-03-29T05:30:00Z'))).toEqual(at('2026-03-29T05:00:00Z'));
		expect(latestSlot({ dailyAt: '07:00' }, at('2026-03-29T04:30:00Z'))).toEqual(at('2026-03-28T06:00:00Z'));
	});

	it('stays on one slot for the whole day, so instances that look at different moments agree', () => {
		const slots = new Set(
			['2026-11-24T06:00:00Z', '2026-11-24T09:13:00Z', '2026-11-24T18:00:00Z', '2026-11-25T05:59:00Z'].map((t) =>
				latestSlot({ dailyAt: '07:00' }, at(t)).toISOString()
			)
		);
		expect([...slots]).toEqual(['2026-11-24T06:00:00.000Z']);
	});

	it('a weekly slot on Monday 07:30 is the last Monday that has begun', () => {
		// 2026-11-23 is a Monday.
		expect(latestSlot({ weeklyAt: '07:30', weekday: 1 }, at('2026-11-23T06:30:00Z'))).toEqual(at('2026-11-23T06:30:00Z'));
		expect(latestSlot({ weeklyAt: '07:30', weekday: 1 }, at('2026-11-23T06:29:00Z'))).toEqual(at('2026-11-16T06:30:00Z'));
		expect(latestSlot({ weeklyAt: '07:30', weekday: 1 }, at('2026-11-29T20:00:00Z'))).toEqual(at('2026-11-23T06:30:00Z'));
	});

	it('every 15 minutes on the quarter hour', () => {
		expect(latestSlot({ everyMinutes: 15 }, at('2026-11-24T10:44:59Z'))).toEqual(at('2026-11-24T10:30:00Z'));
	});
});

describe('retry backoff', () => {
	it('doubles per attempt up to the cap, with jitter of a quarter either way', () => {
		const mid = () => 0.5;
		expect([1, 2, 3, 4].map((n) => retryDelaySeconds(n, { baseSeconds: 30, maxSeconds: 3600 }, mid))).toEqual([30, 60, 120, 240]);
		expect(retryDelaySeconds(12, { baseSeconds: 30, maxSeconds: 3600 }, mid)).toBe(3600);
		expect(retryDelaySeconds(1, { baseSeconds: 30, maxSeconds: 3600 }, () => 0)).toBe(22.5);
		expect(retryDelaySeconds(1, { baseSeconds: 30, maxSeconds: 3600 }, () => 0.999999)).toBeCloseTo(37.5, 3);
	});
});
