// What a subject's pages load about its photo: the photo (through RLS) and whether this person may
// change it (the database's own rule, may_change_foto).
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '$lib/database.types';
import { must } from '$lib/server/db-errors';
import type { PhotoRow } from './photos';
import { PHOTO_COLUMNS } from './photos';
import type { PhotoSubject } from './actions.server';

export async function loadPhoto(db: SupabaseClient<Database>, subject: PhotoSubject, loggedIn: boolean): Promise<{ photo: PhotoRow | null; mayChange: boolean }> {
	const column = subject.kind === 'initiatief' ? 'initiatief_id' : 'groep_id';
	const [photo, may] = await Promise.all([
		db.from('fotos').select(PHOTO_COLUMNS).eq(column, subject.id).maybeSingle(),
		loggedIn ? db.rpc('may_change_foto', subject.kind === 'initiatief' ? { p_initiatief: subject.id } : { p_groep: subject.id }) : null
	]);
	return { photo: must(photo, 'foto') as PhotoRow | null, mayChange: may ? must(may, 'may_change_foto') === true : false };
}
