import { redirect } from '@sveltejs/kit';
import { safeRedirect } from '$lib/account/redirect';
import { mustAcceptHuisregels } from '$lib/huisregels/guard';
import { acceptSchema } from '$lib/huisregels/schema';
import { HUISREGELS_VERSIE } from '$lib/huisregels/version';
import { must } from '$lib/server/db-errors';
import { parseForm } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

// Reached from the (bewoner) layout's guard and the hook that holds back posts: the resident accepts
// the current house rules and goes back to where they were.
export const load: PageServerLoad = ({ locals, url }) => {
	const back = safeRedirect(url.searchParams.get('redirectTo'));
	if (!locals.user) redirect(303, `/inloggen?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
	if (!mustAcceptHuisregels(locals.user)) redirect(303, back);
	return { redirectTo: back, changed: locals.user.huisregelsVersie > 0 };
};

export const actions: Actions = {
	default: async ({ request, locals }) => {
		if (!locals.user) redirect(303, '/inloggen');
		const parsed = await parseForm(request, acceptSchema);
		if ('failure' in parsed) return parsed.failure;
		must(await locals.supabase.rpc('accept_huisregels', { p_versie: HUISREGELS_VERSIE }), 'accept huisregels');
		redirect(303, safeRedirect(parsed.data.redirectTo));
	}
};
