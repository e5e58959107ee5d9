import { error, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { listBuurten } from '$lib/areas/areas.server';
import { must } from '$lib/server/db-errors';
import { saveInitiatief } from '$lib/initiatieven/queries.server';
import { loadPhoto } from '$lib/photos/page.server';
import { gemeenteOf } from '$lib/adres/place.server';
import { loadOutlines } from '$lib/areas/outlines.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	if (!z.uuid().safeParse(params.id).success) error(404, { message: 'not found' });
	const [row, buurten] = await Promise.all([
		locals.supabase
			.from('initiatieven')
			.select('id, author_id, title, body, themes, buurt_code, lat, lng, address, place_status, needs, hands_count, materials, space, money_amount, starts_on, when_text, status, initiatief_beslissingen(message)')
			.order('id', { referencedTable: 'initiatief_beslissingen', ascending: false })
			.limit(1, { referencedTable: 'initiatief_beslissingen' })
			.eq('id', params.id)
			.maybeSingle(),
		listBuurten(locals.supabase)
	]);
	const initiatief = must(row, 'initiatief to edit');
	if (!initiatief || initiatief.author_id !== locals.user!.id) error(404, { message: 'not found' });
	// Only a concept or one sent back for changes can be edited (the database refuses the rest too).
	if (initiatief.status !== 'concept' && initiatief.status !== 'aanpassing_gevraagd') redirect(303, `/initiatieven/${initiatief.id}`);
	const { initiatief_beslissingen: decisions, ...rest } = initiatief;
	const gemeente = await gemeenteOf(locals.supabase, initiatief.buurt_code);
	const outlines = gemeente ? await loadOutlines(locals.supabase, gemeente.code) : [];
	const { photo } = await loadPhoto(locals.supabase, { kind: 'initiatief', id: initiatief.id }, true);
	return { initiatief: { ...rest, message: decisions[0]?.message ?? '' }, buurten, outlines, photo };
};

export const actions: Actions = {
	default: async ({ request, locals, params }) => {
		const saved = await saveInitiatief(request, locals.supabase, params.id);
		if ('failure' in saved) return saved.failure;
		redirect(303, `/mijn-initiatieven?${saved.submitted ? 'ingediend' : 'opgeslagen'}=${saved.id}${saved.later ? '&plek=later' : ''}`);
	}
};
