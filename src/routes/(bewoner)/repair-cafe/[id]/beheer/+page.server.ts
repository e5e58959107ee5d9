import { extraDateSchema, idSchema, outcomeSchema, publishedSchema, seriesReviewSchema } from '$lib/repair-cafe/schema';
import { must } from '$lib/server/db-errors';
import { formError, parseForm } from '$lib/server/forms';
import { messageKeyFor } from '$lib/server/db-errors';
import { cancelSignup } from '$lib/repair-cafe/queries.server';
import { managedSeries, publication } from '$lib/repair-cafe/series.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const series = await managedSeries(locals.supabase, params.id);
	const since = new Date(Date.now() - 62 * 86_400_000).toISOString();
	const dates = must(
		await locals.supabase
			.from('repair_cafe_dates')
			.select('id, starts_at, ends_at, capacity, booked, waiting, cancelled, repair_cafe_signups(id, category, item, problem, status, outcome, outcome_notes, created_at, profiles(display_name))')
			.eq('series_id', series.id)
			.gte('starts_at', since)
			.order('starts_at')
			.limit(40),
		'dates with sign-ups'
	);
	const now = new Date().toISOString();
	return {
		series,
		publication: await publication(locals.supabase, series.id),
		dates: dates.map((d) => ({
			...d,
			past: d.starts_at <= now,
			signups: (d.repair_cafe_signups as unknown as { id: number; category: string; item: string; problem: string; status: string; outcome: string | null; outcome_notes: string; created_at: string; profiles: { display_name: string } | null }[])
				.filter((s) => s.status !== 'cancelled')
				.sort((a, b) => (a.status === b.status ? a.created_at.localeCompare(b.created_at) : a.status === 'booked' ? -1 : 1))
		}))
	};
};

export const actions: Actions = {
	cancelDate: async ({ request, locals, params }) => {
		await managedSeries(locals.supabase, params.id);
		const parsed = await parseForm(request, idSchema);
		if ('failure' in parsed) return parsed.failure;
		const { error, status } = await locals.supabase.rpc('cancel_repair_cafe_date', { p_date: parsed.data.id });
		if (error) return formError(messageKeyFor(error, status));
		return { done: 'date_cancelled' };
	},
	addDate: async ({ request, locals, params }) => {
		await managedSeries(locals.supabase, params.id);
		const parsed = await parseForm(request, extraDateSchema);
		if ('failure' in parsed) return parsed.failure;
		const d = parsed.data;
		const { error, status } = await locals.supabase.rpc('add_repair_cafe_date', { p_series: params.id, p_day: d.day, p_start: d.start, p_end: d.end, p_capacity: d.capacity });
		if (error) return formError(messageKeyFor(error, status, { '23505': 'err_repair_date_exists' }), '_form', { ...d, capacity: String(d.capacity) });
		return { done: 'date_added' };
	},
	cancelSignup,
	// A worker of the buurt who does not organise the series puts it online (with a waiting change) or
	// refuses the waiting change; the database checks who decides and logs it.
	review: async ({ request, locals, params }) => {
		await managedSeries(locals.supabase, params.id);
		const parsed = await parseForm(request, seriesReviewSchema);
		if ('failure' in parsed) return parsed.failure;
		const { error, status } = await locals.supabase.rpc('review_repair_cafe_series', { p_series: params.id, p_decision: parsed.data.decision, p_reason: parsed.data.reason });
		if (error) return formError(messageKeyFor(error, status), 'reason', { reason: parsed.data.reason });
		return { done: parsed.data.decision === 'goedkeuren' ? 'series_approved' : 'change_refused' };
	},
	// Offline or back online; only a worker lifts a worker's unpublish, and nobody publishes their own.
	published: async ({ request, locals, params }) => {
		await managedSeries(locals.supabase, params.id);
		const parsed = await parseForm(request, publishedSchema);
		if ('failure' in parsed) return parsed.failure;
		const { error, status } = await locals.supabase.from('repair_cafe_series').update({ published: parsed.data.published === 'ja' }).eq('id', params.id);
		if (error) return formError(messageKeyFor(error, status));
		return { done: parsed.data.published === 'ja' ? 'series_online' : 'series_offline' };
	},
	outcome: async ({ request, locals }) => {
		const parsed = await parseForm(request, outcomeSchema);
		if ('failure' in parsed) return parsed.failure;
		const o = parsed.data;
		const { error, status } = await locals.supabase.rpc('repair_cafe_record_outcome', { p_signup: o.signupId, p_outcome: o.outcome, p_notes: o.notes });
		if (error) return formError(messageKeyFor(error, status));
		return { done: 'outcome_saved' };
	}
};
