import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '$lib/database.types';
import { must } from './db-errors';

export interface BuurtOption {
	code: string;
	naam: string;
	wijk: string;
	gemeente: string;
}

/** All buurten with their wijk and gemeente, for pickers; public data, read as the visitor. */
export async function listBuurten(supabase: SupabaseClient<Database>): Promise<BuurtOption[]> {
	const rows = must(
		await supabase.from('buurten').select('code, naam, wijken!inner(naam, gemeenten!inner(naam))').order('code'),
		'list buurten'
	);
	return rows.map((row) => {
		const wijk = row.wijken as unknown as { naam: string; gemeenten: { naam: string } };
		return { code: row.code, naam: row.naam, wijk: wijk.naam, gemeente: wijk.gemeenten.naam };
	});
}
