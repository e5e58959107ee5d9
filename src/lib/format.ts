// Dates and times as residents read them: in Dutch (or English) and in Dutch time.
const ZONE = 'Europe/Amsterdam';

// Making an Intl formatter costs far more than formatting with it (tens of µs, on every page of the
// server): each one is made once per locale and options, and kept.
function kept<O, F>(make: (locale: string, options: O) => F): (locale: string, options: O) => F {
	const made = new Map<string, F>();
	return (locale, options) => {
		const key = `${locale}|${JSON.stringify(options)}`;
		let format = made.get(key);
		if (!format) made.set(key, (format = make(locale, options)));
		return format;
	};
}
const dateFormat = kept((locale, options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(locale, options));
const numberFormat = kept((locale, options: Intl.NumberFormatOptions) => new Intl.NumberFormat(locale, options));

/** A range of calendar days, both ends included (YYYY-MM-DD). */
export interface Period {
	from: string;
	until: string;
}

export function formatDateTime(iso: string, locale: string): string {
	return dateFormat(locale === 'en' ? 'en-GB' : 'nl-NL', {
		timeZone: ZONE, weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit'
	}).format(new Date(iso));
}

export function formatTime(iso: string, locale: string): string {
	return dateFormat(locale === 'en' ? 'en-GB' : 'nl-NL', { timeZone: ZONE, hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}

/** A calendar day (YYYY-MM-DD, no time zone) written out. */
export function formatDay(day: string, locale: string): string {
	return dateFormat(locale === 'en' ? 'en-GB' : 'nl-NL', {
		timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric'
	}).format(new Date(`${day}T12:00:00Z`));
}

/** Today's date in the Netherlands, YYYY-MM-DD. */
export function today(now = new Date()): string {
	return dateFormat('en-CA', { timeZone: ZONE }).format(now);
}

/** A count written out (1.000 in Dutch, 1,000 in English). */
export function formatCount(count: number, locale: string): string {
	return numberFormat(locale === 'en' ? 'en-GB' : 'nl-NL', {}).format(count);
}

export function addDays(day: string, days: number): string {
	return new Date(Date.parse(`${day}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export function formatDateTimeRange(start: string, end: string, locale: string): string {
	return `${formatDateTime(start, locale)}–${formatTime(end, locale)}`;
}

// Amsterdam's clock is UTC+1 in winter and UTC+2 in summer: a fixed "+01:00" is an hour off from the
// last Sunday of March to the last of October.

/** The ISO timestamp of a local Amsterdam date and time, e.g. 2026-07-04 10:00 → 2026-07-04T10:00:00+02:00. */
export function amsterdamTimestamp(day: string, time = '00:00:00'): string {
	const clock = time.length === 5 ? `${time}:00` : time;
	return `${day}T${clock}${amsterdamOffset(day, clock)}`;
}

/** The UTC offset in Amsterdam at that local moment ("+01:00" or "+02:00"). */
export function amsterdamOffset(day: string, clock = '12:00:00'): string {
	// Guess with +01:00, then ask what Amsterdam's offset is at that instant; around the switch at night
	// the second answer is the one in force at that local time.
	let offset = '+01:00';
	for (let i = 0; i < 2; i++) {
		const instant = new Date(`${day}T${clock}${offset}`);
		const name = dateFormat('en-GB', { timeZone: 'Europe/Amsterdam', timeZoneName: 'longOffset' })
			.formatToParts(instant)
			.find((part) => part.type === 'timeZoneName')?.value;
		offset = name?.replace('GMT', '') || '+00:00';
	}
	return offset;
}

/** Euro amounts as Dutch readers expect them. */
export function euro(amount: number | null, locale = 'nl'): string {
	if (amount === null) return '';
	return numberFormat(locale === 'en' ? 'en-GB' : 'nl-NL', { style: 'currency', currency: 'EUR' }).format(amount);
}

export function formatDate(value: string | null, locale = 'nl'): string {
	if (!value) return '';
	return dateFormat(locale === 'en' ? 'en-GB' : 'nl-NL', { dateStyle: 'long' }).format(new Date(value));
}
