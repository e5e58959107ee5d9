import { error } from '@sveltejs/kit';
import { isUuid, loadAgendaItem, refused, scoped } from '$lib/signalen/queries.server';
import { confirmSchema } from '$lib/signalen/schema';
import { parseForm } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const item = isUuid(params.id) ? await loadAgendaItem(locals.supabase, params.id) : null;
	if (!item) error(404, { message: 'not found' });
	return { item, closed: false };
};

export const actions: Actions = {
	// The worker closes the item once the answer will do; the database refuses any step back.
	close: async ({ locals, params, request }) => {
		if (!isUuid(params.id)) error(404, { message: 'not found' });
		const parsed = await parseForm(request, confirmSchema);
		if ('failure' in parsed) return scoped('close', parsed.failure);
		const { error: err, status } = await locals.supabase.rpc('set_agenda_status', { p_item: params.id, p_status: 'afgesloten' });
		if (err) return refused('close', err, status);
		return { closed: true };
	}
};
