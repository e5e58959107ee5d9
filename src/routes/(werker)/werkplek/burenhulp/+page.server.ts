import { matchIdSchema } from '$lib/burenhulp/schema';
import { messageKeyFor, must } from '$lib/server/db-errors';
import { formError, parseForm } from '$lib/server/forms';
import { myWijken } from '$lib/areas/wijken.server';
import type { Actions, PageServerLoad } from './$types';

const PAGE_SIZE = 25;
const WAIT_DAYS = 7;

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = locals.user!;
	const wijken = await myWijken(locals.supabase, user);
	const codes = wijken.map((w) => w.code);
	const pageNumber = Math.max(1, Number.parseInt(url.searchParams.get('pagina') ?? '1', 10) || 1);
	const weekAgo = new Date(Date.now() - WAIT_DAYS * 86_400_000).toISOString();
	const [waiting, care, worried] = await Promise.all([
		locals.supabase
			.from('help_posts')
			.select('id, first_name, category, description, for_offline, created_at, buurten(naam)', { count: 'exact' })
			.eq('kind', 'vraag')
			.eq('status', 'open')
			.in('wijk_code', codes)
			.lt('created_at', weekAgo)
			.order('created_at')
			.range((pageNumber - 1) * PAGE_SIZE, pageNumber * PAGE_SIZE - 1),
		locals.supabase
			.from('help_matches')
			.select('id, created_at, request:help_posts!help_matches_request_id_fkey(first_name, category, description), offer:help_posts!help_matches_offer_id_fkey(first_name)')
			.eq('needs_care', true)
			.is('care_approved_at', null)
			.eq('status', 'voorgesteld')
			.in('wijk_code', codes)
			.order('created_at')
			.limit(50),
		// Matches where someone answered the check-in with "not so well": a worker may want to call.
		locals.supabase
			.from('help_matches')
			.select('id, request:help_posts!help_matches_request_id_fkey(first_name, category), offer:help_posts!help_matches_offer_id_fkey(first_name)')
			.eq('status', 'actief')
			.or('request_checkin.eq.niet_goed,offer_checkin.eq.niet_goed')
			.in('wijk_code', codes)
			.order('created_at')
			.limit(50)
	]);
	return {
		wijken,
		waiting: must(waiting, 'waiting list').map((p) => ({ ...p, buurt: (p.buurten as unknown as { naam: string }).naam })),
		page: pageNumber,
		pages: Math.max(1, Math.ceil((waiting.count ?? 0) / PAGE_SIZE)),
		worried: must(worried, 'check-ins').map((c) => ({
			id: c.id,
			request: c.request as unknown as { first_name: string; category: string },
			offerName: (c.offer as unknown as { first_name: string }).first_name
		})),
		care: must(care, 'care approvals').map((c) => ({
			id: c.id,
			created_at: c.created_at,
			request: c.request as unknown as { first_name: string; category: string; description: string },
			offerName: (c.offer as unknown as { first_name: string }).first_name
		}))
	};
};

export const actions: Actions = {
	approve: async ({ request, locals }) => {
		const parsed = await parseForm(request, matchIdSchema);
		if ('failure' in parsed) return parsed.failure;
		const { error, status } = await locals.supabase.rpc('help_approve_care', { p_match: parsed.data.matchId });
		if (error) return formError(messageKeyFor(error, status, { '23514': 'help_err_not_open' }));
		return { approved: true };
	}
};
