// Area outlines for the maps: wijken and buurten of one gemeente (or all), read as the visitor
// (areas are public). Outlines that are not valid GeoJSON polygons are left out rather than
// breaking the map.
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '$lib/database.types';
import { asGeometry } from '$lib/components/map/geo';
import type { Outline } from '$lib/components/map/types';
import { must } from '$lib/server/db-errors';

// Areas are public and change a few times a year: kept for five minutes per process, so a map page
// does not ask the database for the same polygons on every view.
const CACHE_MS = 5 * 60_000;
const cache = new Map<string, { at: number; outlines: Outline[] }>();

export async function loadOutlines(supabase: SupabaseClient<Database>, gemeente?: string): Promise<Outline[]> {
	const key = gemeente ?? '*';
	const hit = cache.get(key);
	if (hit && Date.now() - hit.at < CACHE_MS) return hit.outlines;
	const outlines = await readOutlines(supabase, gemeente);
	cache.set(key, { at: Date.now(), outlines });
	return outlines;
}

async function readOutlines(supabase: SupabaseClient<Database>, gemeente?: string): Promise<Outline[]> {
	let wijkQuery = supabase.from('wijken').select('code, naam, outline, gemeente_code');
	let buurtQuery = supabase.from('buurten').select('code, naam, outline, wijken!inner(gemeente_code)');
	if (gemeente) {
		wijkQuery = wijkQuery.eq('gemeente_code', gemeente);
		buurtQuery = buurtQuery.eq('wijken.gemeente_code', gemeente);
	}
	const [wijken, buurten] = await Promise.all([wijkQuery, buurtQuery]);
	const outlines: Outline[] = [];
	for (const b of must(buurten, 'load buurt outlines')) {
		const geometry = asGeometry(b.outline);
		if (geometry) outlines.push({ level: 'buurt', code: b.code, name: b.naam, geometry });
	}
	for (const w of must(wijken, 'load wijk outlines')) {
		const geometry = asGeometry(w.outline);
		if (geometry) outlines.push({ level: 'wijk', code: w.code, name: w.naam, geometry });
	}
	return outlines;
}
