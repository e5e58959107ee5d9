import { error } from '@sveltejs/kit';
import type { SupabaseClient } from '@supabase/supabase-js';
import { z } from 'zod';
import type { Database } from '$lib/database.types';
import { must } from './db-errors';

/** The edition of the URL, or a 404. Editions are public. */
export async function loadEdition(supabase: SupabaseClient<Database>, id: string) {
	if (!z.uuid().safeParse(id).success) error(404, { message: 'not_found' });
	const edition = must(
		await supabase
			.from('rommelroute_editions')
			.select('id, title, day, starts, ends, registration_opens, registration_closes, description, wijk_code, wijken(naam, gemeente_code)')
			.eq('id', id)
			.maybeSingle(),
		'rommelroute edition'
	);
	if (!edition) error(404, { message: 'not_found' });
	const wijk = edition.wijken as unknown as { naam: string; gemeente_code: string };
	return { ...edition, wijk: wijk.naam, gemeente: wijk.gemeente_code, starts: edition.starts.slice(0, 5), ends: edition.ends.slice(0, 5) };
}

/** An approved stand as everyone may see it (rommelroute_stands_public; a view, so typed nullable). */
export interface PublicStand {
	id: number;
	street: string;
	huisnummer: number;
	toevoeging: string;
	city: string;
	lat: number;
	lng: number;
	sells: string[];
	description: string;
	shown_name: string;
}
