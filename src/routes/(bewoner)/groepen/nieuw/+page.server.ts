import { redirect } from '@sveltejs/kit';
import { isStaff } from '$lib/account/roles';
import { callGroep, groepArgs, groepAreas } from '$lib/groepen/queries.server';
import { groepSchema } from '$lib/groepen/schema';
import { must } from '$lib/server/db-errors';
import { parseForm } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const [areas, profile] = await Promise.all([
		groepAreas(locals.supabase),
		locals.supabase.from('profiles').select('buurt_code').eq('id', locals.user!.id).single()
	]);
	return { areas, ownBuurt: must(profile, 'own buurt').buurt_code, staff: isStaff(locals.user!.role) };
};

export const actions: Actions = {
	// A resident's proposal goes to the workers of the wijk; a worker of the wijk starts it at once.
	default: async (event) => {
		const parsed = await parseForm(event.request, groepSchema, { arrays: ['themes'] });
		if ('failure' in parsed) return parsed.failure;
		const result = await callGroep(event, 'groep', 'start_groep', groepArgs(parsed.data));
		if ('failure' in result) return result.failure;
		redirect(303, `/groepen/${result.data as string}?gestart=1`);
	}
};
