import { error, redirect } from '@sveltejs/kit';
import { isPartner } from '$lib/account/roles';
import type { LayoutServerLoad } from './$types';

// Pages for contact people of partner organisations. The database shows them only their own
// organisation's agenda anyway (RLS); this gives a clear page instead of an empty one.
export const load: LayoutServerLoad = ({ locals, url }) => {
	if (!locals.user) redirect(303, `/inloggen?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
	if (!isPartner(locals.user.role)) error(403, { message: 'forbidden' });
};
