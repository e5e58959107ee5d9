// Repair Café dates from a rule like "every first Saturday": pure date arithmetic on calendar days
// (no time zones: the database turns day + local time into a moment in Europe/Amsterdam).

export const weekdays = [1, 2, 3, 4, 5, 6, 7] as const; // ISO: 1 = Monday … 7 = Sunday
export const ordinals = ['every', '1', '2', '3', '4', 'last'] as const;
export type Ordinal = (typeof ordinals)[number];

export const MAX_DATES = 60;

export interface Rule {
	weekday: number;
	ordinal: Ordinal;
	from: string; // YYYY-MM-DD
	until: string; // YYYY-MM-DD
	except?: string[];
}

function parse(day: string): Date {
	return new Date(`${day}T00:00:00Z`);
}

function format(date: Date): string {
	return date.toISOString().slice(0, 10);
}

function isoWeekday(date: Date): number {
	return ((date.getUTCDay() + 6) % 7) + 1;
}

function matches(date: Date, rule: Rule): boolean {
	if (isoWeekday(date) !== rule.weekday) return false;
	if (rule.ordinal === 'every') return true;
	const nth = Math.floor((date.getUTCDate() - 1) / 7) + 1;
	if (rule.ordinal === 'last') {
		const nextWeek = new Date(date.getTime() + 7 * 86_400_000);
		return nextWeek.getUTCMonth() !== date.getUTCMonth();
	}
	return String(nth) === rule.ordinal;
}

/** Every date of the rule from `from` to `until` inclusive, minus the exceptions; at most MAX_DATES + 1. */
export function expandRule(rule: Rule): string[] {
	const except = new Set(rule.except ?? []);
	const end = parse(rule.until);
	const dates: string[] = [];
	for (let day = parse(rule.from); day <= end && dates.length <= MAX_DATES; day = new Date(day.getTime() + 86_400_000)) {
		if (matches(day, rule) && !except.has(format(day))) dates.push(format(day));
	}
	return dates;
}
