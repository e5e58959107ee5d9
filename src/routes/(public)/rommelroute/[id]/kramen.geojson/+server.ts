// The approved stands of an edition for its map: one GeoJSON document built in the database.
import { loadEdition, standsResponse } from '$lib/rommelroute/queries.server';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, params, request }) => {
	const edition = await loadEdition(locals.supabase, params.id);
	return standsResponse(locals.supabase, edition.id, request);
};
