import { error, redirect } from '@sveltejs/kit';
import { must } from '$lib/server/db-errors';
import type { PageServerLoad } from './$types';

// A report links to a message by its id (src/lib/reports/links.ts); this finds its conversation.
// RLS decides: the parties, and workers of the wijk once a message in it was reported.
export const load: PageServerLoad = async ({ locals, params }) => {
	if (!/^[0-9]{1,18}$/.test(params.id)) error(404, { message: 'not_found' });
	const row = must(await locals.supabase.from('help_messages').select('match_id').eq('id', Number(params.id)).maybeSingle(), 'message');
	if (!row) error(404, { message: 'not_found' });
	redirect(303, `/burenhulp/match/${row.match_id}#bericht-${params.id}`);
};
