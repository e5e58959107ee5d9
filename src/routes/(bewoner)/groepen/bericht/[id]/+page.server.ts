import { error, redirect } from '@sveltejs/kit';
import { must } from '$lib/server/db-errors';
import type { PageServerLoad } from './$types';

// Reports link to a board post by its id (src/lib/reports/links.ts); this finds its group's board.
// RLS decides: members and the facilitator, and the workers of the wijk once the post was reported.
export const load: PageServerLoad = async ({ locals, params }) => {
	const id = Number(params.id);
	if (!Number.isSafeInteger(id) || id <= 0) error(404, { message: 'not found' });
	const row = must(await locals.supabase.from('groep_berichten').select('groep_id, parent_id').eq('id', id).maybeSingle(), 'board post');
	if (!row) error(404, { message: 'not found' });
	redirect(303, `/groepen/${row.groep_id}/prikbord#bericht-${id}`);
};
