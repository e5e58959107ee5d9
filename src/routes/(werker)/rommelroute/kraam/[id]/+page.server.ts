import { error, redirect } from '@sveltejs/kit';
import { must } from '$lib/server/db-errors';
import type { PageServerLoad } from './$types';

// A report links to a stand by its id (src/lib/reports/links.ts); this opens it on its edition's
// review page. RLS: the workers of the edition's wijk read the stand.
export const load: PageServerLoad = async ({ locals, params }) => {
	if (!/^[0-9]{1,18}$/.test(params.id)) error(404, { message: 'not_found' });
	const row = must(await locals.supabase.from('rommelroute_stands').select('edition_id').eq('id', Number(params.id)).maybeSingle(), 'stand');
	if (!row) error(404, { message: 'not_found' });
	redirect(303, `/rommelroute/${row.edition_id}/beheer?status=alle#kraam-${params.id}`);
};
