import { describe, expect, it } from 'vitest';
import { amsterdamOffset, amsterdamTimestamp } from './format';

describe('Amsterdam time', () => {
	it('is UTC+1 in winter and UTC+2 in summer', () => {
		expect(amsterdamTimestamp('2026-12-05', '10:00')).toBe('2026-12-05T10:00:00+01:00');
		expect(amsterdamTimestamp('2026-07-04', '10:00')).toBe('2026-07-04T10:00:00+02:00');
	});
	it('switches on the last Sundays of March and October', () => {
		expect(amsterdamOffset('2026-03-28')).toBe('+01:00');
		expect(amsterdamOffset('2026-03-29', '12:00:00')).toBe('+02:00');
		expect(amsterdamOffset('2026-10-24')).toBe('+02:00');
		expect(amsterdamOffset('2026-10-25', '12:00:00')).toBe('+01:00');
	});
	it('gives the moment a day starts, for date filters', () => {
		expect(new Date(amsterdamTimestamp('2026-07-04')).toISOString()).toBe('2026-07-03T22:00:00.000Z');
	});
});

describe('formatters are kept', () => {
	it('the same answers from a kept formatter, per locale and per options', async () => {
		const { formatDay, formatCount, formatTime } = await import('./format');
		expect(formatDay('2026-12-07', 'nl')).toBe('maandag 7 december 2026');
		expect(formatDay('2026-12-07', 'en')).toBe('Monday, 7 December 2026');
		expect(formatDay('2026-12-08', 'nl')).toBe('dinsdag 8 december 2026');
		expect(formatTime('2026-07-04T08:00:00Z', 'nl')).toBe('10:00');
		expect(formatCount(10000, 'nl')).toBe('10.000');
		expect(formatCount(10000, 'en')).toBe('10,000');
	});
});
