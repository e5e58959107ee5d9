import { redirect } from '@sveltejs/kit';
import type { Database } from '$lib/database.types';
import { helpPostSchema } from '$lib/burenhulp/schema';
import { listBuurten } from '$lib/areas/areas.server';
import { must } from '$lib/server/db-errors';
import { formError, parseForm } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = locals.user!;
	const [profile, buurten] = await Promise.all([
		locals.supabase.from('profiles').select('buurt_code, availability').eq('id', user.id).single(),
		listBuurten(locals.supabase)
	]);
	const own = must(profile, 'load profile');
	return { kind: url.searchParams.get('soort') === 'aanbod' ? 'aanbod' : 'vraag', buurtCode: own.buurt_code, availability: own.availability, buurten };
};

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const parsed = await parseForm(request, helpPostSchema, { arrays: ['slots'] });
		if ('failure' in parsed) return parsed.failure;
		const p = parsed.data;
		const { data, error } = await locals.supabase
			.from('help_posts')
			.insert({
				kind: p.kind,
				category: p.category,
				description: p.description,
				when_kind: p.whenKind,
				on_date: p.whenKind === 'eenmalig' ? p.onDate : null,
				slots: p.whenKind === 'wekelijks' ? p.slots : [],
				buurt_code: p.buurtCode,
				needs_care: p.kind === 'vraag' && p.needsCare
				// wijk_code, point and first name are set by the database from the buurt and the profile.
			} as Database['public']['Tables']['help_posts']['Insert'])
			.select('id')
			.single();
		if (error?.code === '23503') return formError('err_buurt', 'buurtCode');
		if (error || !data) return formError('err_save_failed');
		redirect(303, `/burenhulp/${data.id}?nieuw=1`);
	}
};
