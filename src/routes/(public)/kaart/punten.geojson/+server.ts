// Everything the overview map shows, for the filters in the query string: Repair Cafés and the
// approved stands of the Rommelroutes in the period.
import { pointsToGeoJSON } from '$lib/components/map/geo';
import { repairCafePoints } from '$lib/repair-cafe/queries.server';
import { editionsInPeriod, standsGeoJSON } from '$lib/rommelroute/queries.server';
import { jsonResponse } from '$lib/server/http';
import { filtersFrom } from '../filters';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, url, request }) => {
	const filters = filtersFrom(url);
	const [repairCafes, editions] = await Promise.all([
		filters.type === 'rommelroute' ? [] : repairCafePoints(locals.supabase, filters),
		filters.type === 'repair_cafe' ? [] : editionsInPeriod(locals.supabase, filters)
	]);
	const stands = await Promise.all(editions.map((e) => standsGeoJSON(locals.supabase, e.id)));
	const collection = pointsToGeoJSON(repairCafes);
	for (const s of stands) collection.features.push(...(s.features as typeof collection.features));
	return jsonResponse(collection, request);
};
