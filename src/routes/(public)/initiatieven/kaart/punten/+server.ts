import { json } from '@sveltejs/kit';
import { pointsToGeoJSON } from '$lib/components/map/geo';
import { listFilterSchema } from '$lib/initiatieven/schema';
import { pointsPublished } from '$lib/initiatieven/queries.server';
import type { RequestHandler } from './$types';

/** GeoJSON of every published initiative matching the list's filters, for the map. */
export const GET: RequestHandler = async ({ locals, url }) => {
	const filter = listFilterSchema.parse(Object.fromEntries(url.searchParams));
	const rows = await pointsPublished(locals.supabase, filter);
	const points = rows.map((r) => ({ id: r.id, kind: 'initiatief', lat: r.place.lat, lng: r.place.lng, title: r.title, href: `/initiatieven/${r.id}` }));
	return json(pointsToGeoJSON(points), { headers: { 'cache-control': locals.user ? 'private, no-store' : 'public, max-age=30' } });
};
