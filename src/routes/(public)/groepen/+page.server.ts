import { areaFilterOptions } from '$lib/areas/areas.server';
import { listPublished } from '$lib/groepen/queries.server';
import { listFilterSchema } from '$lib/groepen/schema';
import type { PageServerLoad } from './$types';

// Published groups only: visitors see the public ones (RLS), members also their members-only groups.
export const load: PageServerLoad = async ({ locals, url, setHeaders }) => {
	const filter = listFilterSchema.parse(Object.fromEntries(url.searchParams));
	const [list, areas] = await Promise.all([listPublished(locals.supabase, filter), areaFilterOptions(locals.supabase)]);
	if (!locals.user) setHeaders({ 'cache-control': 'public, max-age=30' });
	return { filter, total: list.total, approximate: list.approximate, pages: list.pages, groepen: list.rows, ...areas };
};
