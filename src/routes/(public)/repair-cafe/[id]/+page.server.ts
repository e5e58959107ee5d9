import { error, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { isStaff } from '$lib/account/roles';
import { signupSchema } from '$lib/repair-cafe/schema';
import { must } from '$lib/server/db-errors';
import { formError, parseForm } from '$lib/server/forms';
import { messageKeyFor } from '$lib/server/db-errors';
import { fileReport } from '$lib/reports/file.server';
import type { Actions, PageServerLoad } from './$types';

const uuid = z.uuid();

export const load: PageServerLoad = async ({ locals, params }) => {
	if (!uuid.safeParse(params.id).success) error(404, { message: 'not_found' });
	const series = must(
		await locals.supabase
			.from('repair_cafe_series')
			.select('id, name, venue, address, description, rule, lat, lng, organiser_id, buurten(naam)')
			.eq('id', params.id)
			.maybeSingle(),
		'repair café'
	);
	if (!series) error(404, { message: 'not_found' });
	const [dates, mine] = await Promise.all([
		locals.supabase
			.from('repair_cafe_dates')
			.select('id, starts_at, ends_at, capacity, booked, waiting, cancelled')
			.eq('series_id', params.id)
			.gt('starts_at', new Date().toISOString())
			.order('starts_at')
			.limit(24),
		locals.user
			? locals.supabase
					.from('repair_cafe_signups')
					.select('id, date_id, status, item, repair_cafe_dates!inner(series_id)')
					.eq('resident_id', locals.user.id)
					.eq('repair_cafe_dates.series_id', params.id)
					.neq('status', 'cancelled')
			: Promise.resolve({ data: [], error: null, status: 200 })
	]);
	return {
		series: { ...series, buurt: (series.buurten as unknown as { naam: string } | null)?.naam ?? '' },
		dates: must(dates, 'repair café dates'),
		mine: must(mine, 'my sign-ups') as { id: number; date_id: number; status: string; item: string }[],
		// Only decides whether to show the link; the management page itself is guarded by RLS.
		manages: !!locals.user && (series.organiser_id === locals.user.id || isStaff(locals.user.role))
	};
};

export const actions: Actions = {
	// "Meld dit Repair Café": the database puts it in the queue of the workers of its wijk.
	report: async ({ request, locals, url, params }) => {
		if (!locals.user) redirect(303, `/inloggen?redirectTo=${encodeURIComponent(url.pathname)}`);
		const name = async () => (await locals.supabase.from('repair_cafe_series').select('name').eq('id', params.id).maybeSingle()).data?.name ?? '';
		return fileReport(request, locals.supabase, name);
	},
	signup: async ({ request, locals, url }) => {
		if (!locals.user) redirect(303, `/inloggen?redirectTo=${encodeURIComponent(url.pathname)}`);
		const parsed = await parseForm(request, signupSchema);
		if ('failure' in parsed) return parsed.failure;
		const s = parsed.data;
		const { data, error: dbError, status } = await locals.supabase.rpc('repair_cafe_sign_up', {
			p_date: s.dateId,
			p_category: s.category,
			p_item: s.item,
			p_problem: s.problem,
			p_waitlist: s.waitlist
		});
		if (dbError) {
			const values = { dateId: String(s.dateId), category: s.category, item: s.item, problem: s.problem, waitlist: s.waitlist ? 'on' : '' };
			return formError(messageKeyFor(dbError, status), '_form', values);
		}
		return { signedUp: data as string };
	}
};
