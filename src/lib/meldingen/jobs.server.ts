// The jobs of notifications: mail at once, the daily and weekly digests, and the scheduled reminders
// (each a function in the database that writes the notifications once per person and occasion).
// Every handler is idempotent: running one twice sends one mail and makes one notification.
import { config } from '$lib/server/config';
import { inLocale } from '$lib/server/i18n';
import type { JobHandler } from '$lib/server/jobs/runner';
import type { Schedule } from '$lib/server/jobs/schedule';
import { digestMail, notificationMail } from './mail';
import type { NotificationFacts } from './texts';

type Item = NotificationFacts & { id: number; link: string };

function slotOf(payload: Record<string, unknown>, now: Date): string {
	return typeof payload.slot === 'string' ? payload.slot : now.toISOString();
}

const notificationMailJob: JobHandler = async (payload, _job, ctx) => {
	const { data, error } = await ctx.db.rpc('notification_mail_data', { p_id: Number(payload.id) });
	if (error) throw new Error(`notification ${payload.id}: ${error.message}`);
	if (!data) return; // mailed already, or no longer wanted
	const n = data as unknown as Item & { email: string; locale: string; name: string; params: Record<string, unknown> };
	const mail = inLocale(n.locale, () => notificationMail(n.name, n, config.origin));
	const queued = await ctx.db.rpc('queue_notification_mail', { p_id: n.id, p_subject: mail.subject, p_text: mail.text, p_html: mail.html });
	if (queued.error) throw new Error(`queue mail for notification ${n.id}: ${queued.error.message}`);
	ctx.wake();
};

function digestFanOut(mode: 'daily' | 'weekly'): JobHandler {
	return async (payload, _job, ctx) => {
		const { error } = await ctx.db.rpc('enqueue_digests', { p_mode: mode, p_until: slotOf(payload, ctx.now()) });
		if (error) throw new Error(`${mode} digests: ${error.message}`);
		ctx.wake();
	};
}

const digestUserJob: JobHandler = async (payload, _job, ctx) => {
	const mode = payload.mode === 'weekly' ? 'weekly' : 'daily';
	const until = slotOf(payload, ctx.now());
	const { data, error } = await ctx.db.rpc('digest_data', { p_user: String(payload.user), p_mode: mode, p_until: until });
	if (error) throw new Error(`digest for ${payload.user}: ${error.message}`);
	const digest = data as unknown as { email: string; locale: string; name: string; items: Item[] } | null;
	if (!digest?.items.length) return;
	const mail = inLocale(digest.locale, () => digestMail(digest.name, mode, digest.items, config.origin));
	const queued = await ctx.db.rpc('queue_digest', {
		p_user: String(payload.user),
		p_mode: mode,
		p_key: until,
		p_ids: digest.items.map((item) => item.id),
		p_subject: mail.subject,
		p_text: mail.text,
		p_html: mail.html
	});
	if (queued.error) throw new Error(`queue digest for ${payload.user}: ${queued.error.message}`);
	ctx.wake();
};

type Reminder = 'notify_help_checkins' | 'notify_repair_reminders' | 'notify_repair_outcomes' | 'notify_rommel_closing' | 'notify_rommel_day' | 'notify_werker_digest';

/** A scheduled job that asks the database to write one slot's reminders. */
function reminder(fn: Reminder): JobHandler {
	return async (payload, _job, ctx) => {
		const { error } = await ctx.db.rpc(fn, { p_slot: slotOf(payload, ctx.now()) });
		if (error) throw new Error(`${fn}: ${error.message}`);
		ctx.wake();
	};
}

export const meldingenHandlers: Record<string, JobHandler> = {
	'notification.mail': notificationMailJob,
	'digest.daily': digestFanOut('daily'),
	'digest.weekly': digestFanOut('weekly'),
	'digest.user': digestUserJob,
	'reminders.help_checkins': reminder('notify_help_checkins'),
	'reminders.repair_day_before': reminder('notify_repair_reminders'),
	'reminders.repair_outcomes': reminder('notify_repair_outcomes'),
	'reminders.rommel_closing': reminder('notify_rommel_closing'),
	'reminders.rommel_day_before': reminder('notify_rommel_day'),
	'reminders.werker_digest': reminder('notify_werker_digest')
};

/** When they run, in Dutch time. */
export const meldingenSchedules: Schedule[] = [
	{ name: 'werker-digest', kind: 'reminders.werker_digest', slot: { dailyAt: '07:00' } },
	{ name: 'digest-daily', kind: 'digest.daily', slot: { dailyAt: '07:30' } },
	{ name: 'digest-weekly', kind: 'digest.weekly', slot: { weeklyAt: '07:30', weekday: 1 } },
	{ name: 'help-checkins', kind: 'reminders.help_checkins', slot: { dailyAt: '10:00' } },
	{ name: 'repair-day-before', kind: 'reminders.repair_day_before', slot: { dailyAt: '10:00' } },
	{ name: 'repair-outcomes', kind: 'reminders.repair_outcomes', slot: { dailyAt: '10:00' } },
	{ name: 'rommel-closing', kind: 'reminders.rommel_closing', slot: { dailyAt: '10:00' } },
	{ name: 'rommel-day-before', kind: 'reminders.rommel_day_before', slot: { dailyAt: '10:00' } }
];
