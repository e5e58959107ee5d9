// The Rommelroute map's data for one viewport (`?bbox=w,s,e,n&zoom=z`): clusters with counts and the
// single approved stands, clustered on the server, so a route of 20,000 stands is a few kB per view.
import { json } from '@sveltejs/kit';
import { parseViewport } from '$lib/server/clusters';
import { jsonResponse } from '$lib/server/http';
import { loadEdition, standsInView } from '$lib/rommelroute/queries.server';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, params, request, url }) => {
	const viewport = parseViewport(url.searchParams);
	if (!viewport) return json({ message: 'bbox=west,south,east,north (degrees) and zoom=0..24 are required' }, { status: 400 });
	const edition = await loadEdition(locals.supabase, params.id);
	return jsonResponse(await standsInView(locals.supabase, edition.id, viewport), request, 30);
};
