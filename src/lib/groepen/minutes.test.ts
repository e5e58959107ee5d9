import { describe, expect, it } from 'vitest';
import { isQuiet, pairActiepunten, parseBesluiten, quietBefore } from './minutes';
import { localParts, meetingTimes } from './meetings';

describe('minutes', () => {
	it('takes one besluit per line, without list markers', () => {
		expect(parseBesluiten('1. Eerst\n - Dan\n\n• Tot slot  ')).toEqual(['Eerst', 'Dan', 'Tot slot']);
	});
	it('pairs the three lists of actiepunt fields by row, dropping wholly empty rows', () => {
		expect(pairActiepunten(['A', '', 'C'], ['x', '', ''], ['2030-01-01', '', ''])).toEqual([
			{ body: 'A', owner: 'x', due: '2030-01-01' },
			{ body: 'C', owner: '', due: '' }
		]);
	});
});

describe('quiet groups', () => {
	const now = new Date('2030-06-01T12:00:00Z');
	it('is quiet after eight weeks without a meeting or post', () => {
		expect(isQuiet('2030-04-05T12:00:00Z', now)).toBe(true);
		expect(isQuiet('2030-04-07T12:00:00Z', now)).toBe(false);
		expect(isQuiet(null, now)).toBe(false);
		expect(quietBefore(now)).toBe('2030-04-06T12:00:00.000Z');
	});
});

describe('meeting times', () => {
	it('reads a Dutch day and clock in summer and winter time, and back', () => {
		expect(meetingTimes('2030-07-04', '19:30', '21:00')).toEqual({ starts: '2030-07-04T19:30:00+02:00', ends: '2030-07-04T21:00:00+02:00' });
		expect(meetingTimes('2030-01-10', '19:30', '21:00').starts).toBe('2030-01-10T19:30:00+01:00');
		expect(localParts('2030-07-04T17:30:00Z')).toEqual({ day: '2030-07-04', time: '19:30' });
		expect(localParts('2030-01-10T23:30:00Z')).toEqual({ day: '2030-01-11', time: '00:30' });
	});
});
