import { error, redirect } from '@sveltejs/kit';
import { must } from '$lib/server/db-errors';
import type { PageServerLoad } from './$types';

// Reports link to a comment by its id (src/lib/reports.ts); this finds its initiative.
export const load: PageServerLoad = async ({ locals, params }) => {
	const id = Number(params.id);
	if (!Number.isSafeInteger(id) || id <= 0) error(404, { message: 'not found' });
	const row = must(await locals.supabase.from('initiatief_reacties').select('initiatief_id').eq('id', id).maybeSingle(), 'comment');
	if (!row) error(404, { message: 'not found' });
	redirect(303, `/initiatieven/${row.initiatief_id}#reactie-${id}`);
};
