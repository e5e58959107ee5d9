// The job runner of this instance: started by the site (hooks.server.ts `init`) and by `npm run worker`
// (which runs the same built server without HTTP). JOBS=off leaves it to a separate worker. Without
// SMTP_URL it does everything but send mail, which waits in the outbox (and /dev/mail) until an
// instance with SMTP sends it.
import { building } from '$app/environment';
import { adresHandlers } from '$lib/adres/jobs.server';
import { groepenHandlers, groepenSchedules } from '$lib/groepen/jobs.server';
import { meldingenHandlers, meldingenSchedules } from '$lib/meldingen/jobs.server';
import { signalenHandlers, signalenSchedules } from '$lib/signalen/jobs.server';
import { retentionHandlers, retentionSchedules } from '$lib/retention/jobs.server';
import { config } from '../config';
import { mailDelivery, type MailDelivery } from '../mail/deliver';
import { serviceClient } from '../supabase';
import { JobRunner, type Heartbeat, type JobHandler } from './runner';
import type { Schedule } from './schedule';

let runner: JobRunner | null = null;
let delivery: MailDelivery | null = null;

const prune: JobHandler = async (_payload, _job, ctx) => {
	const { error } = await ctx.db.rpc('prune_jobs');
	if (error) throw new Error(`prune jobs: ${error.message}`);
};

const schedules: Schedule[] = [...meldingenSchedules, ...groepenSchedules, ...signalenSchedules, ...retentionSchedules, { name: 'jobs-prune', kind: 'jobs.prune', slot: { dailyAt: '03:00' } }];

export function startJobs(): void {
	if (building || runner || !config.jobsEnabled) return;
	const handlers: Record<string, JobHandler> = { ...meldingenHandlers, ...groepenHandlers, ...signalenHandlers, ...retentionHandlers, ...adresHandlers, 'jobs.prune': prune };
	if (config.smtpUrl) {
		delivery = mailDelivery({ smtpUrl: config.smtpUrl, from: config.mailFrom, origin: config.origin, secret: config.jwtSecret });
		handlers['mail.send'] = delivery.handler;
	}
	runner = new JobRunner({ db: serviceClient(), handlers, schedules });
	runner.start();
	console.error(`[jobs] runner ${runner.workerId} started (${config.smtpUrl ? 'sends mail' : 'no SMTP_URL: mail stays in the outbox'})`);
	process.once('sveltekit:shutdown' as 'exit', () => void stopJobs());
}

export async function stopJobs(): Promise<void> {
	const stopping = runner;
	runner = null;
	await stopping?.stop();
	delivery?.close();
	delivery = null;
}

/** Work was queued here: ask for it now instead of at the next poll. */
export function nudgeJobs(): void {
	runner?.wake();
}

/**
 * For /healthz: this instance's runner (is it running, when did it last reach the database) and the
 * queue as the database sees it (live instances, how late the oldest due job is, the dead list).
 * `ok` is false when this instance should run jobs but has not reached the database for a minute,
 * or a due job has waited more than five minutes.
 */
export async function jobsHealth(now = new Date()): Promise<{ ok: boolean; runner: Heartbeat | null; queue: unknown }> {
	const beat = runner?.heartbeat() ?? null;
	const { data, error } = await serviceClient().rpc('job_health', { p_kinds: beat?.kinds });
	const queue = error ? { error: error.message } : data;
	const stale = config.jobsEnabled && (!beat?.lastTickAt || now.getTime() - Date.parse(beat.lastTickAt) > 60_000);
	const late = !error && ((data as { oldest_due_seconds?: number } | null)?.oldest_due_seconds ?? 0) > 300;
	return { ok: !error && !stale && !late, runner: beat, queue };
}
