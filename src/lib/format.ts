// Dates and times as residents read them: in Dutch (or English) and in Dutch time.
const ZONE = 'Europe/Amsterdam';

export function formatDateTime(iso: string, locale: string): string {
	return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'nl-NL', {
		timeZone: ZONE, weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit'
	}).format(new Date(iso));
}

export function formatTime(iso: string, locale: string): string {
	return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'nl-NL', { timeZone: ZONE, hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}

/** A calendar day (YYYY-MM-DD, no time zone) written out. */
export function formatDay(day: string, locale: string): string {
	return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'nl-NL', {
		timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric'
	}).format(new Date(`${day}T12:00:00Z`));
}

/** Today's date in the Netherlands, YYYY-MM-DD. */
export function today(now = new Date()): string {
	return new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(now);
}

export function addDays(day: string, days: number): string {
	return new Date(Date.parse(`${day}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export function formatDateTimeRange(start: string, end: string, locale: string): string {
	return `${formatDateTime(start, locale)}–${formatTime(end, locale)}`;
}
