// The dead list for admins: jobs that failed every attempt, with their last error, and the queue's
// health. dead_jobs() refuses anyone but an admin (the jobs table is granted to nobody).
import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { PAGE_SIZE } from '$lib/meldingen/codes';
import { messageKeyFor, must } from '$lib/server/db-errors';
import { formError, parseForm } from '$lib/server/forms';
import { jobsHealth } from '$lib/server/jobs/site';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	if (locals.user?.role !== 'admin') error(403, { message: 'forbidden' });
	const page = Math.max(1, Number(url.searchParams.get('pagina')) || 1);
	const result = await locals.supabase.rpc('dead_jobs', { p_limit: PAGE_SIZE, p_offset: (page - 1) * PAGE_SIZE });
	if (result.error?.code === '42501') error(403, { message: 'forbidden' });
	const jobs = must(result, 'dead jobs');
	const health = await jobsHealth();
	return {
		jobs,
		page,
		pages: Math.max(1, Math.ceil(Number(jobs[0]?.total ?? 0) / PAGE_SIZE)),
		health: health.queue as { workers?: number; last_heartbeat_at?: string | null; queued?: number; oldest_due_seconds?: number } | null
	};
};

const retrySchema = z.object({ id: z.coerce.number().int().positive('err_invalid') });

export const actions: Actions = {
	retry: async ({ request, locals }) => {
		const parsed = await parseForm(request, retrySchema);
		if ('failure' in parsed) return parsed.failure;
		const { error: refused, status } = await locals.supabase.rpc('retry_dead_job', { p_id: parsed.data.id });
		if (refused) return formError(messageKeyFor(refused, status));
		return { retried: true };
	}
};
