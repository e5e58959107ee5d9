import { redirect } from '@sveltejs/kit';
import { acceptHref, mustAcceptHuisregels, openWithoutHuisregels } from '$lib/huisregels/guard';
import type { LayoutServerLoad } from './$types';

// Pages for logged-in residents. This only saves a round trip: RLS refuses the data to anyone else.
// A resident who has not accepted the current house rules is asked first, and comes back here after.
export const load: LayoutServerLoad = ({ locals, url }) => {
	if (!locals.user) redirect(303, `/inloggen?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
	if (mustAcceptHuisregels(locals.user) && !openWithoutHuisregels(url.pathname)) redirect(303, acceptHref(url.pathname + url.search));
};
