import { error, redirect } from '@sveltejs/kit';
import { isStaff } from '$lib/account/roles';
import type { LayoutServerLoad } from './$types';

// Pages for opbouwwerkers and coordinators. The database refuses their data to others anyway (RLS);
// this gives a clear page instead of an empty one.
export const load: LayoutServerLoad = ({ locals, url }) => {
	if (!locals.user) redirect(303, `/inloggen?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
	if (!isStaff(locals.user.role)) error(403, { message: 'forbidden' });
};
