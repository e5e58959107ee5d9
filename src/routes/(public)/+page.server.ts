import { isStaff } from '$lib/account/roles';
import { loadOverview } from '$lib/overview/overview.server';
import type { PageServerLoad } from './$types';

// Logged in, the home page is the person's own overview; a visitor reads what Buurtplein is.
export const load: PageServerLoad = async ({ locals, url }) => ({
	overview: locals.user ? await loadOverview(locals.supabase, locals.user) : null,
	staff: locals.user ? isStaff(locals.user.role) : false,
	loggedOut: url.searchParams.has('uitgelogd')
});
