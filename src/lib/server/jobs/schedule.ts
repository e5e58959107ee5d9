// When scheduled jobs run. A schedule names its slots (every day at 07:00 Dutch time, every Monday at
// 07:30, every 15 minutes); each runner computes the latest slot that has begun and asks the database
// to enqueue it, which happens once per slot however many instances ask (public.schedule_slot). A slot
// missed while everything was down runs once when the runner is back; older ones are not replayed.
import { addDays, amsterdamTimestamp, today } from '../../format.ts';

export type SlotSpec =
	| { everyMinutes: number }
	/** Local Dutch time, HH:MM. */
	| { dailyAt: string }
	/** ISO weekday (1 = Monday … 7 = Sunday) at local Dutch time. */
	| { weeklyAt: string; weekday: number };

export interface Schedule {
	/** Unique name; one slot per name runs once. */
	name: string;
	/** The job kind to enqueue; its payload gets `slot` (ISO) as the moment it is about. */
	kind: string;
	slot: SlotSpec;
}

/** The start of the latest slot at or before `now`. */
export function latestSlot(spec: SlotSpec, now: Date): Date {
	if ('everyMinutes' in spec) {
		const step = spec.everyMinutes * 60_000;
		return new Date(Math.floor(now.getTime() / step) * step);
	}
	const day = today(now);
	if ('weekday' in spec) {
		const isoWeekday = ((new Date(`${day}T12:00:00Z`).getUTCDay() + 6) % 7) + 1;
		let candidate = addDays(day, -((isoWeekday - spec.weekday + 7) % 7));
		if (new Date(amsterdamTimestamp(candidate, spec.weeklyAt)) > now) candidate = addDays(candidate, -7);
		return new Date(amsterdamTimestamp(candidate, spec.weeklyAt));
	}
	const at = new Date(amsterdamTimestamp(day, spec.dailyAt));
	return at > now ? new Date(amsterdamTimestamp(addDays(day, -1), spec.dailyAt)) : at;
}
