import { describe, expect, it } from 'vitest';
import { expandRule, MAX_DATES } from './recurrence';

describe('Repair Café recurrence', () => {
	it('finds every first Saturday of the month', () => {
		expect(expandRule({ weekday: 6, ordinal: '1', from: '2026-12-01', until: '2027-03-31' })).toEqual([
			'2026-12-05',
			'2027-01-02',
			'2027-02-06',
			'2027-03-06'
		]);
	});

	it('finds the last Thursday, also in a month with five', () => {
		expect(expandRule({ weekday: 4, ordinal: 'last', from: '2027-01-01', until: '2027-02-28' })).toEqual(['2027-01-28', '2027-02-25']);
	});

	it('leaves out the exceptions', () => {
		expect(
			expandRule({ weekday: 3, ordinal: 'every', from: '2026-12-01', until: '2026-12-31', except: ['2026-12-23', '2026-12-30'] })
		).toEqual(['2026-12-02', '2026-12-09', '2026-12-16']);
	});

	it('is empty when the period holds no such day, and stops past the maximum', () => {
		expect(expandRule({ weekday: 1, ordinal: '1', from: '2026-12-08', until: '2026-12-31' })).toEqual([]);
		expect(expandRule({ weekday: 1, ordinal: 'every', from: '2026-01-01', until: '2030-01-01' })).toHaveLength(MAX_DATES + 1);
	});
});
