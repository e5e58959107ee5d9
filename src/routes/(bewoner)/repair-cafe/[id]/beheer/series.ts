import { error } from '@sveltejs/kit';
import type { SupabaseClient } from '@supabase/supabase-js';
import { z } from 'zod';
import type { Database } from '$lib/database.types';
import { must } from '$lib/server/db-errors';

/** The series of the URL if the current user organises it or works in its buurt; else 404/403. */
export async function managedSeries(supabase: SupabaseClient<Database>, id: string) {
	if (!z.uuid().safeParse(id).success) error(404, { message: 'not_found' });
	const series = must(await supabase.from('repair_cafe_series').select('id, name, venue, address').eq('id', id).maybeSingle(), 'series');
	if (!series) error(404, { message: 'not_found' });
	const manages = must(await supabase.rpc('manages_repair_series', { p_series: id }), 'manages series');
	if (!manages) error(403, { message: 'forbidden' });
	return series;
}
