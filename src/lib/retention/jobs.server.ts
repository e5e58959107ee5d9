// Retention, as the privacy statement (/privacy) promises it: each rule a function in the database
// (supabase/migrations/20261208110100_retention.sql) that takes the job's slot as "now", so a late or
// repeated run removes exactly the same rows. The handlers log what was done; an unconfirmed
// account that others' rows refer to is skipped and named in the log (by id only), never forced.
import type { JobHandler } from '$lib/server/jobs/runner';
import type { Schedule } from '$lib/server/jobs/schedule';

type Rule = 'retention_unconfirmed_accounts' | 'retention_help_messages' | 'retention_help_posts' | 'retention_purge_expired';

function rule(fn: Rule): JobHandler {
	return async (payload, _job, ctx) => {
		const slot = typeof payload.slot === 'string' ? payload.slot : ctx.now().toISOString();
		const { data, error } = await ctx.db.rpc(fn, { p_slot: slot });
		if (error) throw new Error(`${fn}: ${error.message}`);
		const result = (data ?? {}) as Record<string, unknown>;
		const skipped = Array.isArray(result.skipped) ? result.skipped : [];
		const counts = Object.entries(result).filter(([key]) => key !== 'skipped').map(([key, value]) => `${key} ${value}`);
		if (skipped.length) counts.push(`skipped ${skipped.length} (others' rows refer to them: ${skipped.join(', ')})`);
		console.error(`[retention] ${fn} for ${slot}: ${counts.join(', ')}`);
		ctx.wake();
	};
}

export const retentionHandlers: Record<string, JobHandler> = {
	'retention.unconfirmed_accounts': rule('retention_unconfirmed_accounts'),
	'retention.help_messages': rule('retention_help_messages'),
	'retention.help_posts': rule('retention_help_posts'),
	'retention.purge_expired': rule('retention_purge_expired')
};

/** When they run, in Dutch time: at night, except the warning about a quiet help post (read by day). */
export const retentionSchedules: Schedule[] = [
	{ name: 'retention-unconfirmed-accounts', kind: 'retention.unconfirmed_accounts', slot: { dailyAt: '03:15' } },
	{ name: 'retention-help-messages', kind: 'retention.help_messages', slot: { dailyAt: '03:20' } },
	{ name: 'retention-purge-expired', kind: 'retention.purge_expired', slot: { dailyAt: '03:25' } },
	{ name: 'retention-help-posts', kind: 'retention.help_posts', slot: { dailyAt: '10:00' } }
];
