import { error } from '@sveltejs/kit';
import { loadGroep } from '$lib/groepen/queries.server';
import { photoSubject, removePhoto, savePhoto } from '$lib/photos/actions.server';
import { loadPhoto } from '$lib/photos/page.server';
import type { Actions, PageServerLoad } from './$types';

// The photo of a group: whoever proposed it while it waits, whoever leads it once published (as for
// its text); save_foto and remove_foto check again. The group's edit page shows the same form.
export const load: PageServerLoad = async ({ locals, params }) => {
	const { groep } = await loadGroep(locals, params.id);
	const { photo, mayChange } = await loadPhoto(locals.supabase, photoSubject('groep', params.id), true);
	if (!mayChange) error(403, { message: 'forbidden' });
	return { groep: { id: groep.id, name: groep.name }, photo };
};

export const actions: Actions = {
	bewaren: (event) => savePhoto(event, photoSubject('groep', event.params.id)),
	verwijderen: (event) => removePhoto(event, photoSubject('groep', event.params.id))
};
