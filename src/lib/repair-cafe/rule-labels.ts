import { m } from '$lib/paraglide/messages';
import type { Ordinal } from './recurrence';

export function weekdayLabel(day: number): string {
	return [m.day_long_1, m.day_long_2, m.day_long_3, m.day_long_4, m.day_long_5, m.day_long_6, m.day_long_7][day - 1]();
}

export function ordinalLabel(ordinal: Ordinal): string {
	const labels: Record<Ordinal, () => string> = {
		every: m.repair_ordinal_every,
		'1': m.repair_ordinal_1,
		'2': m.repair_ordinal_2,
		'3': m.repair_ordinal_3,
		'4': m.repair_ordinal_4,
		last: m.repair_ordinal_last
	};
	return labels[ordinal]();
}

/** "Elke eerste zaterdag, 10:00–13:00", stored with the series for residents to read. */
export function ruleLabel(weekday: number, ordinal: Ordinal, start: string, end: string): string {
	return m.repair_rule({ ordinal: ordinalLabel(ordinal), weekday: weekdayLabel(weekday), start, end });
}
