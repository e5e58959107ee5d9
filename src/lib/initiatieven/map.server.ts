// The initiatives map's points (issue 15, point 4): every published initiative matching the list's
// filters, as GeoJSON, and a cluster index over them that the map asks one viewport at a time.
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '$lib/database.types';
import { pointsToGeoJSON } from '$lib/components/map/geo';
import { cachedIndex, type ClusterIndex } from '$lib/server/clusters';
import { pointsPublished } from './queries.server';
import type { ListFilter } from './schema';

/** What the map shows does not depend on the page of the list beside it. */
export function mapFilter({ pagina: _page, ...filter }: ListFilter): Omit<ListFilter, 'pagina'> {
	return filter;
}

/** The map's query string for these filters: the list's query without its page (and any viewport, the map adds its own). */
export function mapQuery(params: URLSearchParams): string {
	const query = new URLSearchParams(params);
	for (const name of ['pagina', 'bbox', 'zoom']) query.delete(name);
	return query.toString();
}

export async function initiativePoints(supabase: SupabaseClient<Database>, filter: ListFilter): Promise<GeoJSON.FeatureCollection<GeoJSON.Point>> {
	const rows = await pointsPublished(supabase, filter);
	return pointsToGeoJSON(rows.map((r) => ({ id: r.id, kind: 'initiatief', lat: r.place.lat, lng: r.place.lng, title: r.title, href: `/initiatieven/${r.id}` })));
}

/**
 * The index for one viewer and these filters, kept 30 s. Read through the viewer's own client, so RLS
 * decides what is in it; the key holds the viewer, because what RLS lets through may differ per person.
 */
export function initiativeIndex(supabase: SupabaseClient<Database>, userId: string | undefined, filter: ListFilter): Promise<ClusterIndex> {
	const f = mapFilter(filter);
	return cachedIndex(`initiatieven|${userId ?? ''}|${JSON.stringify(f)}`, 30_000, () => initiativePoints(supabase, { ...f, pagina: 1 }));
}
