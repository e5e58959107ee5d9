// A worker of the wijk places an initiative or a stand the geocode job could not: a pin on the map, or
// a corrected address looked up in PDOK (the way without a mouse or JavaScript). The database checks
// that the worker works in that wijk and that the place lies in the gemeente.
import { error, fail } from '@sveltejs/kit';
import { z } from 'zod';
import { placeSchema } from '$lib/adres/schema';
import { isPdokId } from '$lib/adres/address';
import { listBuurten } from '$lib/areas/areas.server';
import { loadOutlines } from '$lib/areas/outlines.server';
import { gemeenteOf } from '$lib/adres/place.server';
import { geocodeText, lookup } from '$lib/server/geocoder';
import { messageKeyFor, must } from '$lib/server/db-errors';
import { formError, parseForm } from '$lib/server/forms';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

const formSchema = placeSchema.extend({
	lat: z.string().default(''),
	lng: z.string().default(''),
	address: z.string().default('').transform((v) => v.trim().slice(0, 200)),
	addressId: z.string().default('').transform((v) => (isPdokId(v.trim()) ? v.trim() : ''))
});

async function item(locals: App.Locals, soort: string, id: string) {
	if (soort === 'initiatief' && z.uuid().safeParse(id).success) {
		const row = must(await locals.supabase.from('initiatieven').select('id, title, address, place_status, buurt_code, gemeenten(naam)').eq('id', id).maybeSingle(), 'initiatief to place');
		if (!row) error(404, { message: 'not found' });
		return { soort, id, title: row.title, address: row.address, placeStatus: row.place_status, buurtCode: row.buurt_code, gemeente: (row.gemeenten as unknown as { naam: string } | null)?.naam ?? '' };
	}
	if (soort === 'kraam' && /^[0-9]{1,18}$/.test(id)) {
		const row = must(
			await locals.supabase.from('rommelroute_stands').select('id, postcode, huisnummer, toevoeging, street, city, place_status, rommelroute_editions(title, wijk_code, wijken(gemeenten(naam)))').eq('id', Number(id)).maybeSingle(),
			'stand to place'
		);
		if (!row) error(404, { message: 'not found' });
		const edition = row.rommelroute_editions as unknown as { title: string; wijk_code: string; wijken: { gemeenten: { naam: string } } } | null;
		const buurten = await listBuurten(locals.supabase);
		const wijkBuurt = buurten.find((b) => b.code.startsWith(`BU${edition?.wijk_code.slice(2) ?? ''}`));
		return {
			soort, id, title: edition?.title ?? '', address: `${row.street ? `${row.street} ` : ''}${row.huisnummer}${row.toevoeging}, ${row.postcode} ${row.city}`.trim(),
			placeStatus: row.place_status, buurtCode: wijkBuurt?.code ?? '', gemeente: edition?.wijken.gemeenten.naam ?? '', street: row.street, city: row.city
		};
	}
	error(404, { message: 'not found' });
}

export const load: PageServerLoad = async ({ locals, params }) => {
	const it = await item(locals, params.soort, params.id);
	const buurt = (await listBuurten(locals.supabase)).find((b) => b.code === it.buurtCode);
	const gemeente = await gemeenteOf(locals.supabase, it.buurtCode);
	return {
		item: it,
		center: buurt ? { lat: buurt.lat, lng: buurt.lng } : { lat: 52.3, lng: 5.3 },
		outlines: gemeente ? await loadOutlines(locals.supabase, gemeente.code) : []
	};
};

export const actions: Actions = {
	default: async ({ request, locals, params }) => {
		const it = await item(locals, params.soort, params.id);
		const parsed = await parseForm(request, formSchema);
		if ('failure' in parsed) return parsed.failure;
		const v = parsed.data;
		let place: { lat: number; lng: number; street: string; city: string } | null = null;
		const pin = placeSchema.safeParse({ lat: v.lat, lng: v.lng, street: v.street, city: v.city });
		if (pin.success) place = pin.data;
		else if (v.address) {
			const found = v.addressId ? await lookup(v.addressId) : await geocodeText(v.address, it.gemeente);
			if ('error' in found) return formError(found.error === 'unavailable' ? 'err_geocoder_unavailable' : 'adres_err_unknown', 'address');
			place = { lat: found.address.lat, lng: found.address.lng, street: v.street || found.address.street, city: v.city || found.address.city };
		}
		if (!place) return fail(400, { values: { address: v.address, street: v.street, city: v.city }, errors: { lat: m.adres_err_pin() } });
		const { error: refused, status } =
			it.soort === 'initiatief'
				? await locals.supabase.rpc('place_initiatief', { p_id: it.id, p_lat: place.lat, p_lng: place.lng })
				: await locals.supabase.rpc('place_rommel_stand', { p_id: Number(it.id), p_lat: place.lat, p_lng: place.lng, p_street: place.street, p_city: place.city });
		if (refused?.hint === 'place_outside_gemeente') return formError('adres_err_pin_outside', 'lat');
		if (refused?.hint === 'place_done') return formError('adres_err_place_done');
		if (refused) return formError(messageKeyFor(refused, status));
		return { placed: true };
	}
};
