import { asGeometry } from '$lib/components/map/geo';
import type { Outline } from '$lib/components/map/types';
import { listFilterSchema } from '$lib/initiatieven/schema';
import { must } from '$lib/server/db-errors';
import { listPublished } from '$lib/initiatieven/queries.server';
import type { PageServerLoad } from './$types';

// The map of all published initiatives: the list beside it is one page; the map reads every point
// matching the same filters from ./punten.
export const load: PageServerLoad = async ({ locals, url }) => {
	const filter = listFilterSchema.parse(Object.fromEntries(url.searchParams));
	const [list, wijken] = await Promise.all([
		listPublished(locals.supabase, filter),
		locals.supabase.from('wijken').select('code, naam, outline')
	]);
	const outlines: Outline[] = must(wijken, 'wijk outlines').flatMap((w) => {
		const geometry = asGeometry(w.outline);
		return geometry ? [{ level: 'wijk' as const, code: w.code, name: w.naam, geometry }] : [];
	});
	return { filter, total: list.total, pages: list.pages, initiatieven: list.rows, outlines, query: url.searchParams.toString() };
};
