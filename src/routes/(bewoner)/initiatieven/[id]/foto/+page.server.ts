import { error } from '@sveltejs/kit';
import { must } from '$lib/server/db-errors';
import { photoSubject, removePhoto, savePhoto } from '$lib/photos/actions.server';
import { loadPhoto } from '$lib/photos/page.server';
import type { Actions, PageServerLoad } from './$types';

// The photo of an initiative: its organisers and the workers of its wijk put it up, replace it or take
// it away (save_foto and remove_foto check again). The edit page shows the same form.
export const load: PageServerLoad = async ({ locals, params }) => {
	const subject = photoSubject('initiatief', params.id);
	const row = must(await locals.supabase.from('initiatieven').select('id, title').eq('id', params.id).maybeSingle(), 'initiatief');
	if (!row) error(404, { message: 'not found' });
	const { photo, mayChange } = await loadPhoto(locals.supabase, subject, true);
	if (!mayChange) error(403, { message: 'forbidden' });
	return { initiatief: row, photo };
};

export const actions: Actions = {
	bewaren: (event) => savePhoto(event, photoSubject('initiatief', event.params.id)),
	verwijderen: (event) => removePhoto(event, photoSubject('initiatief', event.params.id))
};
