// The scheduled reminders of groups: a meeting tomorrow (members who come, or walk a ronde), an
// actiepunt due tomorrow (its owner), and weekly, a group that went quiet (its facilitator). Each is
// a function in the database that writes the notifications once per person and occasion, so a job
// that runs twice or late does the same work; the notifications' own jobs mail them.
import type { JobHandler } from '$lib/server/jobs/runner';
import type { Schedule } from '$lib/server/jobs/schedule';

type Reminder = 'notify_groep_meeting_reminders' | 'notify_groep_actiepunten_due' | 'notify_groep_quiet';

function reminder(fn: Reminder): JobHandler {
	return async (payload, _job, ctx) => {
		const slot = typeof payload.slot === 'string' ? payload.slot : ctx.now().toISOString();
		const { error } = await ctx.db.rpc(fn, { p_slot: slot });
		if (error) throw new Error(`${fn}: ${error.message}`);
		ctx.wake();
	};
}

export const groepenHandlers: Record<string, JobHandler> = {
	'reminders.groep_meetings': reminder('notify_groep_meeting_reminders'),
	'reminders.groep_actiepunten': reminder('notify_groep_actiepunten_due'),
	'reminders.groep_quiet': reminder('notify_groep_quiet')
};

/** When they run, in Dutch time. */
export const groepenSchedules: Schedule[] = [
	{ name: 'groep-meetings', kind: 'reminders.groep_meetings', slot: { dailyAt: '10:00' } },
	{ name: 'groep-actiepunten', kind: 'reminders.groep_actiepunten', slot: { dailyAt: '10:00' } },
	{ name: 'groep-quiet', kind: 'reminders.groep_quiet', slot: { weeklyAt: '09:00', weekday: 1 } }
];
