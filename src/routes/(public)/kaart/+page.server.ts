import { repairCafePoints } from '$lib/repair-cafe/queries.server';
import { editionsInPeriod } from '$lib/rommelroute/queries.server';
import { loadOutlines } from '$lib/areas/outlines.server';
import { filtersFrom } from './filters';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const filters = filtersFrom(url);
	const [repairCafes, editions, outlines] = await Promise.all([
		filters.type === 'rommelroute' ? [] : repairCafePoints(locals.supabase, filters),
		filters.type === 'repair_cafe' ? [] : editionsInPeriod(locals.supabase, filters),
		loadOutlines(locals.supabase)
	]);
	return { filters, repairCafes, editions, outlines, query: url.searchParams.toString() };
};
