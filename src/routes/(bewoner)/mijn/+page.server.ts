import { idSchema, signupEditSchema } from '$lib/repair-cafe/schema';
import { standEditSchema } from '$lib/rommelroute/schema';
import { must } from '$lib/server/db-errors';
import { formError, parseForm } from '$lib/server/forms';
import { messageKeyFor } from '$lib/server/db-errors';
import { cancelSignup } from '$lib/repair-cafe/queries.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const user = locals.user!;
	const [signups, stands] = await Promise.all([
		locals.supabase
			.from('repair_cafe_signups')
			.select('id, category, item, problem, status, outcome, repair_cafe_dates!inner(starts_at, ends_at, cancelled, waiting, repair_cafe_series!inner(id, name, venue))')
			.eq('resident_id', user.id)
			.order('created_at', { ascending: false })
			.limit(100),
		locals.supabase
			.from('rommelroute_stands')
			.select('id, street, postcode, huisnummer, toevoeging, city, place_status, sells, description, show_name, status, reason, pending_sells, pending_description, pending_show_name, pending_at, rommelroute_editions!inner(id, title, day, registration_closes)')
			.eq('resident_id', user.id)
			.order('created_at', { ascending: false })
			.limit(100)
	]);
	const now = new Date().toISOString();
	return {
		signups: must(signups, 'my sign-ups').map((s) => {
			const d = s.repair_cafe_dates as unknown as { starts_at: string; ends_at: string; cancelled: boolean; waiting: number; repair_cafe_series: { id: string; name: string; venue: string } };
			return { ...s, startsAt: d.starts_at, endsAt: d.ends_at, dateCancelled: d.cancelled, waiting: d.waiting, series: d.repair_cafe_series, upcoming: d.starts_at > now };
		}),
		stands: must(stands, 'my stands').map((s) => {
			const e = s.rommelroute_editions as unknown as { id: string; title: string; day: string; registration_closes: string };
			return { ...s, edition: e };
		})
	};
};

export const actions: Actions = {
	cancelSignup,
	editSignup: async ({ request, locals }) => {
		const parsed = await parseForm(request, signupEditSchema);
		if ('failure' in parsed) return parsed.failure;
		const s = parsed.data;
		const result = await locals.supabase
			.from('repair_cafe_signups')
			.update({ category: s.category, item: s.item, problem: s.problem })
			.eq('id', s.signupId)
			.select('id');
		if (result.error) return formError(messageKeyFor(result.error, result.status));
		if (!result.data?.length) return formError('err_repair_not_editable');
		return { done: 'signup_saved' };
	},
	withdrawStand: async ({ request, locals }) => {
		const parsed = await parseForm(request, idSchema);
		if ('failure' in parsed) return parsed.failure;
		const result = await locals.supabase.from('rommelroute_stands').update({ status: 'ingetrokken' }).eq('id', parsed.data.id).eq('resident_id', locals.user!.id).select('id');
		if (result.error) return formError(messageKeyFor(result.error, result.status));
		if (!result.data?.length) return formError('err_not_found');
		return { done: 'stand_withdrawn' };
	},
	editStand: async ({ request, locals }) => {
		const parsed = await parseForm(request, standEditSchema, { arrays: ['sells'] });
		if ('failure' in parsed) return parsed.failure;
		const s = parsed.data;
		const result = await locals.supabase
			.from('rommelroute_stands')
			.update({ sells: s.sells, description: s.description, show_name: s.showName })
			.eq('id', s.standId)
			.eq('resident_id', locals.user!.id)
			.in('status', ['aangemeld', 'goedgekeurd'])
			.select('id, pending_at');
		if (result.error) return formError(messageKeyFor(result.error, result.status));
		if (!result.data?.length) return formError('err_not_found');
		// A change to an approved stand waits for the worker; the approved text stays on the route.
		return { done: result.data[0].pending_at ? 'stand_change_pending' : 'stand_saved' };
	}
};
