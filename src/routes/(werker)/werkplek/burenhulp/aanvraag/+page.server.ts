import { redirect } from '@sveltejs/kit';
import { helpForResidentSchema } from '$lib/burenhulp/schema';
import { must } from '$lib/server/db-errors';
import { formError, parseForm } from '$lib/server/forms';
import { myWijken } from '$lib/areas/wijken.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const user = locals.user!;
	const wijken = await myWijken(locals.supabase, user);
	const rows = must(
		await locals.supabase
			.from('buurten')
			.select('code, naam, wijken!inner(naam, gemeenten!inner(naam))')
			.in('wijk_code', wijken.map((w) => w.code))
			.order('code'),
		'buurten'
	);
	return {
		buurten: rows.map((b) => {
			const wijk = b.wijken as unknown as { naam: string; gemeenten: { naam: string } };
			return { code: b.code, naam: b.naam, wijk: wijk.naam, gemeente: wijk.gemeenten.naam };
		})
	};
};

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const parsed = await parseForm(request, helpForResidentSchema, { arrays: ['slots'] });
		if ('failure' in parsed) return parsed.failure;
		const p = parsed.data;
		// One function writes the post and the private name and phone together, with the worker's rights:
		// the database refuses a buurt outside their wijken.
		const { data, error } = await locals.supabase.rpc('help_file_for_resident', {
			p_name: p.name,
			p_buurt_code: p.buurtCode,
			p_phone: p.phone,
			p_share_phone: p.sharePhone,
			p_category: p.category,
			p_description: p.description,
			p_when_kind: p.whenKind,
			p_on_date: (p.whenKind === 'eenmalig' ? p.onDate : null) as string,
			p_slots: p.whenKind === 'wekelijks' ? p.slots : [],
			p_needs_care: p.needsCare
		});
		if (error?.code === '42501') return formError('help_err_not_your_buurt', 'buurtCode');
		if (error?.code === '23503') return formError('err_buurt', 'buurtCode');
		if (error || !data) return formError('err_save_failed');
		redirect(303, `/burenhulp/${data}?nieuw=1`);
	}
};
