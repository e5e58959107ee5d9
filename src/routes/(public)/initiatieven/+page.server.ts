import { listFilterSchema } from '$lib/initiatieven/schema';
import { areaFilterOptions } from '$lib/areas/areas.server';
import { listPublished } from '$lib/initiatieven/queries.server';
import type { PageServerLoad } from './$types';

// Published initiatives only: RLS shows visitors nothing else, and the filter keeps a worker's or an
// author's own unpublished ones out of the public list too.
export const load: PageServerLoad = async ({ locals, url, setHeaders }) => {
	const filter = listFilterSchema.parse(Object.fromEntries(url.searchParams));
	const [list, areas] = await Promise.all([listPublished(locals.supabase, filter), areaFilterOptions(locals.supabase)]);
	if (!locals.user) setHeaders({ 'cache-control': 'public, max-age=30' });
	return { filter, total: list.total, approximate: list.approximate, pages: list.pages, initiatieven: list.rows, ...areas };
};
