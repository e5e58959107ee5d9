// The scheduled reminder of signals: an agenda item that has waited more than two weeks for an answer
// reminds the partner's contact people, once per item (the database's dedupe key), so a job that runs
// twice or late does the same work; the notifications' own jobs mail it.
import type { JobHandler } from '$lib/server/jobs/runner';
import type { Schedule } from '$lib/server/jobs/schedule';

const waiting: JobHandler = async (payload, _job, ctx) => {
	const slot = typeof payload.slot === 'string' ? payload.slot : ctx.now().toISOString();
	const { error } = await ctx.db.rpc('notify_agenda_waiting', { p_slot: slot });
	if (error) throw new Error(`notify_agenda_waiting: ${error.message}`);
	ctx.wake();
};

export const signalenHandlers: Record<string, JobHandler> = { 'reminders.agenda_waiting': waiting };

/** When it runs, in Dutch time. */
export const signalenSchedules: Schedule[] = [{ name: 'agenda-waiting', kind: 'reminders.agenda_waiting', slot: { dailyAt: '09:30' } }];
