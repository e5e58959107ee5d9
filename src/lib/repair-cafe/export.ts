// Exports of a Repair Café: outcomes as CSV in the Open Repair Data Standard's column layout, and
// an iCalendar feed of the dates. Pure functions, so the formats are unit-tested.

export interface RepairRecord {
	id: number;
	category: string;
	item: string;
	problem: string;
	outcome: 'fixed' | 'repairable' | 'end_of_life' | null;
	eventDate: string; // YYYY-MM-DD
}

const ORDS_COLUMNS = [
	'id', 'data_provider', 'country', 'partner_product_category', 'product_category', 'brand',
	'year_of_manufacture', 'product_age', 'repair_status', 'repair_barrier_if_end_of_life',
	'group_identifier', 'event_date', 'problem'
];
// Our six categories onto the nearest ORDS product categories.
const PRODUCT_CATEGORY: Record<string, string> = {
	electrical: 'Small kitchen item',
	textile: 'Clothing/textile',
	bicycle: 'Bicycle',
	furniture: 'Furniture',
	computer: 'Laptop',
	other: 'Misc'
};
const STATUS: Record<string, string> = { fixed: 'Fixed', repairable: 'Repairable', end_of_life: 'End of life' };

/** A CSV field, quoted when needed; a leading =, +, - or @ is defused so spreadsheets do not run it. */
export function csvField(value: string | number): string {
	let text = String(value);
	if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
	return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function ordsCsv(records: readonly RepairRecord[], provider: string, group: string): string {
	const lines = [ORDS_COLUMNS.join(',')];
	for (const r of records) {
		if (!r.outcome) continue;
		lines.push(
			[
				`${provider}_${r.id}`, provider, 'NLD', `${r.category} / ${r.item}`, PRODUCT_CATEGORY[r.category] ?? 'Misc',
				'Unknown', '', '', STATUS[r.outcome], '', group, r.eventDate, r.problem
			]
				.map(csvField)
				.join(',')
		);
	}
	return lines.join('\r\n') + '\r\n';
}

export interface CalendarEvent {
	uid: string;
	start: Date;
	end: Date;
	summary: string;
	location: string;
	description: string;
	url: string;
	cancelled: boolean;
}

/**
 * A TEXT value (RFC 5545 §3.3.11): backslash, comma and semicolon escaped, every line break (CRLF, LF
 * or a lone CR) written as \n, and other control characters left out, so that no text ends a
 * property line and starts one of its own (a BEGIN:VALARM, say).
 */
export function icsText(value: string): string {
	return value
		.replace(/\\/g, '\\\\')
		.replace(/\r\n|\r|\n/g, '\\n')
		.replace(/[\u0000-\u0008\u000A-\u001F\u007F]/g, '')
		.replace(/([,;])/g, '\\$1');
}

/** A value that is not TEXT (a UID, a URL): control characters cannot occur in it, so none are kept. */
function icsPlain(value: string): string {
	return value.replace(/[\u0000-\u001F\u007F]/g, '');
}

function icsTime(date: Date): string {
	return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** RFC 5545 lines are at most 75 octets; longer ones continue on the next line after a space. */
function fold(line: string): string {
	const bytes = new TextEncoder().encode(line);
	if (bytes.length <= 75) return line;
	const parts: string[] = [];
	let current = '';
	for (const char of line) {
		if (new TextEncoder().encode(current + char).length > (parts.length ? 74 : 75)) {
			parts.push(current);
			current = '';
		}
		current += char;
	}
	parts.push(current);
	return parts.join('\r\n ');
}

export function icalendar(name: string, events: readonly CalendarEvent[], now = new Date()): string {
	const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Buurtplein//Repair Cafe//NL', 'CALSCALE:GREGORIAN', `X-WR-CALNAME:${icsText(name)}`];
	for (const e of events) {
		lines.push(
			'BEGIN:VEVENT',
			`UID:${icsPlain(e.uid)}`,
			`DTSTAMP:${icsTime(now)}`,
			`DTSTART:${icsTime(e.start)}`,
			`DTEND:${icsTime(e.end)}`,
			`SUMMARY:${icsText(e.summary)}`,
			`LOCATION:${icsText(e.location)}`,
			`DESCRIPTION:${icsText(e.description)}`,
			`URL:${icsPlain(e.url)}`,
			`STATUS:${e.cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
			'END:VEVENT'
		);
	}
	lines.push('END:VCALENDAR');
	return lines.map(fold).join('\r\n') + '\r\n';
}
