import { redirect } from '@sveltejs/kit';
import { listBuurten } from '$lib/areas/areas.server';
import { must } from '$lib/server/db-errors';
import { saveInitiatief } from '$lib/initiatieven/queries.server';
import { gemeenteOf } from '$lib/adres/place.server';
import { loadOutlines } from '$lib/areas/outlines.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const [buurten, profile] = await Promise.all([
		listBuurten(locals.supabase),
		locals.supabase.from('profiles').select('buurt_code').eq('id', locals.user!.id).single()
	]);
	const ownBuurt = must(profile, 'own buurt').buurt_code;
	const gemeente = await gemeenteOf(locals.supabase, ownBuurt);
	return { buurten, ownBuurt, outlines: gemeente ? await loadOutlines(locals.supabase, gemeente.code) : [] };
};

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const saved = await saveInitiatief(request, locals.supabase, null);
		if ('failure' in saved) return saved.failure;
		redirect(303, `/mijn-initiatieven?${saved.submitted ? 'ingediend' : 'opgeslagen'}=${saved.id}${saved.later ? '&plek=later' : ''}`);
	}
};
