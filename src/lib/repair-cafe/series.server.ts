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

/**
 * Where a managed series stands in review: online or not, whether a worker took it offline, a change
 * of its text waiting, and whether the current user may decide (a worker of the buurt who does not
 * organise it). The database enforces the same; this is what the page shows.
 */
export async function publication(supabase: SupabaseClient<Database>, id: string) {
	const [series, change, reviewer] = await Promise.all([
		supabase.from('repair_cafe_series').select('published, approved_at, unpublished_by_worker').eq('id', id).single(),
		supabase.from('repair_cafe_series_changes').select('name, venue, address, description, proposed_at').eq('series_id', id).maybeSingle(),
		supabase.rpc('reviews_repair_series', { p_series: id })
	]);
	const s = must(series, 'series publication');
	return {
		published: s.published,
		approved: s.approved_at !== null,
		unpublishedByWorker: s.unpublished_by_worker,
		change: must(change, 'waiting change'),
		reviewer: must(reviewer, 'reviews series') === true
	};
}
