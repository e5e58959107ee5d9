import { error, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { eraseOnRequestSchema } from '$lib/privacy/schema';
import { messageKeyFor, must } from '$lib/server/db-errors';
import { formError, parseForm } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

// A worker of the resident's wijk (or the coordinator) erases an account on the resident's own
// request, e.g. by phone. erase_account checks who may, and logs the decision without the person.
export const load: PageServerLoad = async ({ locals, params }) => {
	if (!z.uuid().safeParse(params.id).success) error(404, { message: 'not_found' });
	const person = must(await locals.supabase.from('profiles').select('id, display_name, role').eq('id', params.id).maybeSingle(), 'person');
	if (!person) error(404, { message: 'not_found' });
	return { person: { id: person.id, name: person.display_name, role: person.role } };
};

export const actions: Actions = {
	default: async ({ request, locals, params }) => {
		if (!z.uuid().safeParse(params.id).success) error(404, { message: 'not_found' });
		const parsed = await parseForm(request, eraseOnRequestSchema);
		if ('failure' in parsed) return parsed.failure;
		const { data, error: err, status } = await locals.supabase.rpc('erase_account', { p_user: params.id, p_reason: parsed.data.reason });
		if (err) return formError(messageKeyFor(err, status), err.hint === 'erase_reason' ? 'reason' : '_form');
		// The person is gone, so this page has nothing left to show: the reference is shown elsewhere.
		redirect(303, `/werkplek/verwijderd?kenmerk=${encodeURIComponent(data as string)}`);
	}
};
