// The initiatives map's data for the list's filters. With `bbox` and `zoom` (the map asks so), only the
// clusters and single initiatives of that viewport, from a cluster index per viewer and filters
// (issue 15, point 4); without, every matching published initiative, as before.
import { json } from '@sveltejs/kit';
import { initiativeIndex, initiativePoints } from '$lib/initiatieven/map.server';
import { listFilterSchema } from '$lib/initiatieven/schema';
import { parseViewport } from '$lib/server/clusters';
import { jsonResponse } from '$lib/server/http';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, url, request }) => {
	const filter = listFilterSchema.parse(Object.fromEntries(url.searchParams));
	const cacheControl = locals.user ? 'private, no-store' : 'public, max-age=30';
	if (!url.searchParams.has('bbox') && !url.searchParams.has('zoom')) {
		return json(await initiativePoints(locals.supabase, filter), { headers: { 'cache-control': cacheControl } });
	}
	const viewport = parseViewport(url.searchParams);
	if (!viewport) return json({ message: 'bbox=west,south,east,north (degrees) and zoom=0..24 are required' }, { status: 400 });
	const index = await initiativeIndex(locals.supabase, locals.user?.id, filter);
	const response = await jsonResponse(index.query(viewport), request, 30);
	// What a logged-in person sees is theirs: not for a shared cache.
	if (locals.user) response.headers.set('cache-control', 'private, no-store');
	return response;
};
