import { redirect } from '@sveltejs/kit';
import type { LayoutServerLoad } from './$types';

// Pages for logged-in residents. This only saves a round trip: RLS refuses the data to anyone else.
export const load: LayoutServerLoad = ({ locals, url }) => {
	if (!locals.user) redirect(303, `/inloggen?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
};
