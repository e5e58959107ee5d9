import { asGeometry, boundsOf } from '$lib/components/map/geo';
import type { Bounds, Outline } from '$lib/components/map/types';
import { listFilterSchema } from '$lib/initiatieven/schema';
import { must } from '$lib/server/db-errors';
import { listPublishedPlaced } from '$lib/initiatieven/queries.server';
import { initiativeIndex, mapQuery } from '$lib/initiatieven/map.server';
import type { PageServerLoad } from './$types';

// The map of all published initiatives: the list beside it is one page; the map asks ./punten for the
// clusters and points of the view it shows (issue 15, point 4). The page sends only the box that holds
// every matching initiative, from the same cached index the map's first request then reads.
export const load: PageServerLoad = async ({ locals, url }) => {
	const filter = listFilterSchema.parse(Object.fromEntries(url.searchParams));
	const [list, wijken, index] = await Promise.all([
		listPublishedPlaced(locals.supabase, filter),
		locals.supabase.from('wijken').select('code, naam, outline'),
		initiativeIndex(locals.supabase, locals.user?.id, filter)
	]);
	const outlines: Outline[] = must(wijken, 'wijk outlines').flatMap((w) => {
		const geometry = asGeometry(w.outline);
		return geometry ? [{ level: 'wijk' as const, code: w.code, name: w.naam, geometry }] : [];
	});
	// No initiative matches: the wijk of the filter if there is one, else every wijk.
	const area = filter.wijk ? outlines.filter((o) => o.code === filter.wijk) : [];
	const bounds: Bounds | null = index.bounds ?? boundsOf([], area.length ? area : outlines);
	return {
		filter,
		total: list.total,
		approximate: list.approximate,
		pages: list.pages,
		initiatieven: list.rows,
		outlines,
		bounds,
		query: url.searchParams.toString(),
		mapQuery: mapQuery(url.searchParams)
	};
};
