import { redirect } from '@sveltejs/kit';
import { boundsOf } from '$lib/components/map/geo';
import { standSchema } from '$lib/rommelroute/schema';
import { formError, parseForm } from '$lib/server/forms';
import { geocode } from '$lib/server/geocoder';
import { messageKeyFor } from '$lib/server/db-errors';
import { loadOutlines } from '$lib/areas/outlines.server';
import { loadEditionPage } from '$lib/rommelroute/queries.server';
import { paged } from '$lib/paging';
import { fileReport } from '$lib/reports/file.server';
import type { Actions, PageServerLoad } from './$types';

const PAGE_SIZE = 50;

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const pageNumber = Math.max(1, Math.min(10_000, Number.parseInt(url.searchParams.get('pagina') ?? '1', 10) || 1));
	const page = await loadEditionPage(locals.supabase, params.id, (pageNumber - 1) * PAGE_SIZE, PAGE_SIZE);
	const { edition, stands } = page;
	const outlines = await loadOutlines(locals.supabase, edition.gemeente);
	const now = new Date().toISOString();
	return {
		edition,
		stands,
		...paged(page.total, pageNumber, PAGE_SIZE, stands.length),
		page: pageNumber,
		outlines,
		bounds: boundsOf([], outlines.filter((o) => o.code === edition.wijk_code)),
		registrationOpen: now >= edition.registration_opens && now <= edition.registration_closes,
		mine: page.mine
	};
};

export const actions: Actions = {
	// "Meld een kraam": an approved stand of this edition; the database refuses any other.
	report: async ({ request, locals, url }) => {
		if (!locals.user) redirect(303, `/inloggen?redirectTo=${encodeURIComponent(url.pathname)}`);
		const address = async (id: string) => {
			const stand = (await locals.supabase.from('rommelroute_stands_public').select('street, huisnummer, toevoeging').eq('id', Number(id) || 0).maybeSingle()).data;
			return stand ? `${stand.street} ${stand.huisnummer}${stand.toevoeging}` : '';
		};
		return fileReport(request, locals.supabase, address);
	},
	register: async ({ request, locals, params, url }) => {
		if (!locals.user) redirect(303, `/inloggen?redirectTo=${encodeURIComponent(url.pathname)}`);
		const parsed = await parseForm(request, standSchema, { arrays: ['sells'] });
		if ('failure' in parsed) return parsed.failure;
		const s = parsed.data;
		const values = {
			postcode: s.postcode, huisnummer: String(s.huisnummer), toevoeging: s.toevoeging,
			sells: s.sells, description: s.description, showName: s.showName ? 'on' : ''
		};
		const found = await geocode(s.postcode, s.huisnummer, s.toevoeging);
		if ('error' in found && found.error === 'not_found') return formError('err_address_unknown', 'postcode', values);
		// PDOK cannot be reached: the stand is registered at its postcode and number, and a geocode job
		// fills in street, town and place later (or hands it to the workers of the wijk).
		const a = 'address' in found ? found.address : null;
		const { error, status } = await locals.supabase.from('rommelroute_stands').insert({
			edition_id: params.id,
			postcode: a?.postcode ?? s.postcode,
			huisnummer: a?.huisnummer ?? s.huisnummer,
			toevoeging: a?.toevoeging ?? s.toevoeging.toUpperCase(),
			street: a?.street ?? '',
			city: a?.city ?? '',
			lat: a?.lat ?? null,
			lng: a?.lng ?? null,
			sells: s.sells,
			description: s.description,
			show_name: s.showName
		});
		if (error) return formError(messageKeyFor(error, status, { '23505': 'err_rommel_address_taken' }), '_form', values);
		if (!a) return { registered: `${s.postcode} ${s.huisnummer}${s.toevoeging.toUpperCase()}`, placeLater: true };
		return { registered: `${a.street} ${a.huisnummer}${a.toevoeging}, ${a.city}` };
	}
};
