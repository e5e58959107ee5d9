import { extraDateSchema, idSchema, outcomeSchema } from '$lib/schemas/kaart';
import { must } from '$lib/server/db-errors';
import { formError, parseForm } from '$lib/server/forms';
import { messageKeyFor } from '$lib/server/kaart-errors';
import { cancelSignup } from '$lib/server/kaart';
import { managedSeries } from './series';
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
		if (error) return formError(error.code === '23505' ? 'err_repair_date_exists' : messageKeyFor(error, status), '_form', { ...d, capacity: String(d.capacity) });
		return { done: 'date_added' };
	},
	cancelSignup,
	outcome: async ({ request, locals }) => {
		const parsed = await parseForm(request, outcomeSchema);
		if ('failure' in parsed) return parsed.failure;
		const o = parsed.data;
		const { error, status } = await locals.supabase.rpc('repair_cafe_record_outcome', { p_signup: o.signupId, p_outcome: o.outcome, p_notes: o.notes });
		if (error) return formError(messageKeyFor(error, status));
		return { done: 'outcome_saved' };
	}
};
