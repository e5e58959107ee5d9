import { reviewSchema } from '$lib/rommelroute/schema';
import { must } from '$lib/server/db-errors';
import { formError, parseForm } from '$lib/server/forms';
import { messageKeyFor } from '$lib/server/db-errors';
import { forgetStands, loadEdition } from '$lib/rommelroute/queries.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const edition = await loadEdition(locals.supabase, params.id);
	const status = url.searchParams.get('status') === 'alle' ? 'alle' : 'aangemeld';
	let query = locals.supabase
		.from('rommelroute_stands')
		.select('id, street, huisnummer, toevoeging, postcode, city, sells, description, status, reason, created_at, pending_sells, pending_description, pending_at, profiles!rommelroute_stands_resident_id_fkey(display_name)')
		.eq('edition_id', edition.id)
		.order('created_at')
		.limit(200);
	// Waiting: new stands, and approved stands whose household changed them (the change waits).
	if (status === 'aangemeld') query = query.or('status.eq.aangemeld,pending_at.not.is.null');
	const stands = must(await query, 'stands to review');
	return {
		edition,
		status,
		stands: stands.map((s) => ({ ...s, resident: (s.profiles as unknown as { display_name: string } | null)?.display_name ?? '' }))
	};
};

export const actions: Actions = {
	review: async ({ request, locals, params }) => {
		const parsed = await parseForm(request, reviewSchema);
		if ('failure' in parsed) return parsed.failure;
		const r = parsed.data;
		const { error, status } = await locals.supabase.rpc('rommelroute_review_stand', { p_stand: r.standId, p_status: r.decision, p_reason: r.reason });
		if (error) return formError(messageKeyFor(error, status), '_form');
		forgetStands(params.id);
		return { reviewed: r.decision };
	}
};
