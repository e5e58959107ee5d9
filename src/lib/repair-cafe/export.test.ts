import { describe, expect, it } from 'vitest';
import { csvField, icalendar, icsText, ordsCsv } from './export';

describe('Open Repair Data export', () => {
	it('writes one row per item with an outcome, in the ORDS columns', () => {
		const csv = ordsCsv(
			[
				{ id: 7, category: 'electrical', item: 'Broodrooster', problem: 'Wordt niet warm', outcome: 'fixed', eventDate: '2026-12-05' },
				{ id: 8, category: 'bicycle', item: 'Fiets', problem: 'Band lek', outcome: null, eventDate: '2026-12-05' }
			],
			'buurtplein',
			'Repair Café Holtenbroek'
		);
		const [header, row, ...rest] = csv.trimEnd().split('\r\n');
		expect(header.split(',')).toContain('repair_status');
		expect(row).toBe('buurtplein_7,buurtplein,NLD,electrical / Broodrooster,Small kitchen item,Unknown,,,Fixed,,Repair Café Holtenbroek,2026-12-05,Wordt niet warm');
		expect(rest).toEqual([]);
	});

	it('quotes commas and defuses formulas', () => {
		expect(csvField('a, "b"')).toBe('"a, ""b"""');
		expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
	});
});

describe('iCalendar feed', () => {
	it('gives each date an event in UTC, escaped and folded', () => {
		const ics = icalendar('Repair Café', [
			{
				uid: 'rc-1@buurtplein',
				start: new Date('2026-12-05T09:00:00Z'),
				end: new Date('2026-12-05T12:00:00Z'),
				summary: 'Repair Café; Holtenbroek',
				location: 'Kamperweg 10, Zwolle',
				description: 'x'.repeat(100),
				url: 'https://example.test/repair-cafe/1',
				cancelled: false
			}
		]);
		expect(ics).toContain('DTSTART:20261205T090000Z');
		expect(ics).toContain('SUMMARY:Repair Café\\; Holtenbroek');
		expect(ics).toContain('LOCATION:Kamperweg 10\\, Zwolle');
		expect(ics.split('\r\n').every((line) => new TextEncoder().encode(line).length <= 75)).toBe(true);
		expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
	});

	it('keeps every line break and control character inside its property (RFC 5545 TEXT)', () => {
		const ics = icalendar('Repair Café', [
			{ uid: 'x\r\nBEGIN:VALARM', start: new Date('2026-12-05T09:00:00Z'), end: new Date('2026-12-05T12:00:00Z'), summary: 'a\rBEGIN:VALARM', location: 'b\nc', description: 'd\r\ne\u0000f\\', url: 'https://x.test/\r\nX', cancelled: false }
		]);
		const lines = ics.split('\r\n').map((line) => line.replace(/^ /, ''));
		expect(lines.filter((line) => line.startsWith('BEGIN:'))).toEqual(['BEGIN:VCALENDAR', 'BEGIN:VEVENT']);
		expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n\u0000]/);
		expect(ics).toContain('SUMMARY:a\\nBEGIN:VALARM');
		expect(ics).toContain('DESCRIPTION:d\\nef\\\\');
		expect(icsText('a\rb\nc\r\nd')).toBe('a\\nb\\nc\\nd');
	});
});
