import { error } from '@sveltejs/kit';
import { answerSchema } from '$lib/signalen/schema';
import { isUuid, loadAgendaItem, refused, scoped } from '$lib/signalen/queries.server';
import { parseForm } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const item = isUuid(params.id) ? await loadAgendaItem(locals.supabase, params.id) : null;
	if (!item) error(404, { message: 'not found' });
	return { item };
};

// The partner takes an item up and answers it; the database checks it is their organisation's,
// that the status moves forward only, and logs each step.
export const actions: Actions = {
	take: async ({ locals, params }) => {
		if (!isUuid(params.id)) error(404, { message: 'not found' });
		const { error: err, status } = await locals.supabase.rpc('set_agenda_status', { p_item: params.id, p_status: 'in_behandeling' });
		if (err) return refused('take', err, status);
		return { form: 'take', done: true };
	},
	answer: async ({ locals, params, request }) => {
		if (!isUuid(params.id)) error(404, { message: 'not found' });
		const parsed = await parseForm(request, answerSchema);
		if ('failure' in parsed) return scoped('answer', parsed.failure);
		const { error: err, status } = await locals.supabase.rpc('set_agenda_status', { p_item: params.id, p_status: 'beantwoord', p_answer: parsed.data.answer });
		if (err) return refused('answer', err, status, 'answer');
		return { form: 'answer', done: true };
	}
};
