import { listFilterSchema } from '$lib/schemas/initiatief';
import { must } from '$lib/server/db-errors';
import { listPublished } from '$lib/server/initiatieven';
import type { PageServerLoad } from './$types';

// Published initiatives only: RLS shows visitors nothing else, and the filter keeps a worker's or an
// author's own unpublished ones out of the public list too.
export const load: PageServerLoad = async ({ locals, url, setHeaders }) => {
	const filter = listFilterSchema.parse(Object.fromEntries(url.searchParams));
	const [list, gemeenten, wijken, buurten] = await Promise.all([
		listPublished(locals.supabase, filter),
		locals.supabase.from('gemeenten').select('code, naam').order('naam'),
		locals.supabase.from('wijken').select('code, naam, gemeente_code').order('naam'),
		locals.supabase.from('buurten').select('code, naam, wijk_code').order('naam')
	]);
	if (!locals.user) setHeaders({ 'cache-control': 'public, max-age=30' });
	return {
		filter,
		total: list.total,
		pages: list.pages,
		initiatieven: list.rows,
		gemeenten: must(gemeenten, 'gemeenten'),
		wijken: must(wijken, 'wijken'),
		buurten: must(buurten, 'buurten')
	};
};
