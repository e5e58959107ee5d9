import { describe, expect, it } from 'vitest';
import { bars, csv, lastTwelveMonths, monthsBetween, periodFrom, suppressed } from './chart';

describe('wijkbeeld pieces', () => {
	it('lists the months of a period across a year end', () => {
		expect(monthsBetween('2025-11-15', '2026-02-01')).toEqual(['2025-11-01', '2025-12-01', '2026-01-01', '2026-02-01']);
	});

	it('defaults to the twelve months up to today', () => {
		expect(lastTwelveMonths('2026-12-07')).toEqual({ from: '2026-01-01', to: '2026-12-07' });
		expect(lastTwelveMonths('2026-03-31')).toEqual({ from: '2025-04-01', to: '2026-03-31' });
		expect(monthsBetween('2025-04-01', '2026-03-31')).toHaveLength(12);
	});

	it('refuses a period that is backwards, malformed or longer than three years', () => {
		expect(periodFrom(new URLSearchParams('van=2026-02-01&tot=2026-01-01'), '2026-12-07')).toBeNull();
		expect(periodFrom(new URLSearchParams('van=gisteren'), '2026-12-07')).toBeNull();
		expect(periodFrom(new URLSearchParams('van=2020-01-01&tot=2026-01-01'), '2026-12-07')).toBeNull();
		expect(periodFrom(new URLSearchParams(''), '2026-12-07')).toEqual({ from: '2026-01-01', to: '2026-12-07' });
	});

	it('scales bars to the largest value', () => {
		expect(bars([{ label: 'a', value: 2 }, { label: 'b', value: 4 }, { label: 'c', value: 0 }]).map((b) => b.width)).toEqual([50, 100, 0]);
		expect(bars([{ label: 'a', value: 0 }])[0].width).toBe(0);
	});

	it('shows counts under 5 as "< 5", but not 0', () => {
		expect([0, 1, 4, 5, 12].map(suppressed)).toEqual(['0', '< 5', '< 5', '5', '12']);
	});

	it('writes CSV that spreadsheets read safely', () => {
		expect(csv([['a', 'b, c'], ['"x"', 3], ['=SUM(A1)', -2]])).toBe('a,"b, c"\r\n"""x""",3\r\n\'=SUM(A1),-2\r\n');
	});
});
