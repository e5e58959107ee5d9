import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '$lib/database.types';
import { must } from './db-errors';

export interface BuurtOption {
	code: string;
	naam: string;
	wijk: string;
	gemeente: string;
}

/** Areas change with a migration or seed, not while the site runs; ten minutes is plenty fresh. */
const CACHE_MS = 10 * 60 * 1000;
let cache: { buurten: BuurtOption[]; until: number } | null = null;

/** All buurten with their wijk and gemeente, for pickers; public CBS data, the same for everyone. */
export async function listBuurten(supabase: SupabaseClient<Database>): Promise<BuurtOption[]> {
	if (cache && cache.until > Date.now()) return cache.buurten;
	const rows = must(
		await supabase.from('buurten').select('code, naam, wijken!inner(naam, gemeenten!inner(naam))').order('code'),
		'list buurten'
	);
	const buurten = rows.map((row) => {
		const wijk = row.wijken as unknown as { naam: string; gemeenten: { naam: string } };
		return { code: row.code, naam: row.naam, wijk: wijk.naam, gemeente: wijk.gemeenten.naam };
	});
	cache = { buurten, until: Date.now() + CACHE_MS };
	return buurten;
}
