// When a meeting is, between the form (a Dutch day and clock times) and the database (instants).
import { amsterdamTimestamp, today } from '$lib/format';

/** The instants of a meeting on a Dutch day from `start` to `end` (HH:MM), summer time included. */
export function meetingTimes(day: string, start: string, end: string): { starts: string; ends: string } {
	return { starts: amsterdamTimestamp(day, start), ends: amsterdamTimestamp(day, end) };
}

/** An instant as the form shows it: the Dutch day and clock time. */
export function localParts(iso: string): { day: string; time: string } {
	const time = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
	return { day: today(new Date(iso)), time };
}
