// Everything the overview map shows, for the filters in the query string: Repair Cafés and the
// approved stands of the Rommelroutes in the period. With `bbox` and `zoom` (the map asks so), only
// the clusters and single points of that viewport (issue 15, point 4); without, all of them.
import { json } from '@sveltejs/kit';
import { pointsToGeoJSON } from '$lib/components/map/geo';
import { repairCafePoints } from '$lib/repair-cafe/queries.server';
import { editionsInPeriod, standsGeoJSON } from '$lib/rommelroute/queries.server';
import { cachedIndex, parseViewport } from '$lib/server/clusters';
import { jsonResponse } from '$lib/server/http';
import { filtersFrom } from '../filters';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, url, request }) => {
	const filters = filtersFrom(url);
	const everything = async () => {
		const [repairCafes, editions] = await Promise.all([
			filters.type === 'rommelroute' ? [] : repairCafePoints(locals.supabase, filters),
			filters.type === 'repair_cafe' ? [] : editionsInPeriod(locals.supabase, filters)
		]);
		const stands = await Promise.all(editions.map((e) => standsGeoJSON(locals.supabase, e.id)));
		const collection = pointsToGeoJSON(repairCafes);
		for (const s of stands) collection.features.push(...(s.features as typeof collection.features));
		return collection;
	};
	if (!url.searchParams.has('bbox') && !url.searchParams.has('zoom')) return jsonResponse(await everything(), request);
	const viewport = parseViewport(url.searchParams);
	if (!viewport) return json({ message: 'bbox=west,south,east,north (degrees) and zoom=0..24 are required' }, { status: 400 });
	// What Repair Cafés a person may see can depend on who they are: the index is per viewer and filters.
	const index = await cachedIndex(`kaart|${locals.user?.id ?? ''}|${JSON.stringify(filters)}`, 30_000, everything);
	return jsonResponse(index.query(viewport), request, 30);
};
