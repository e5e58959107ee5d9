// Where an initiative is: a pin as tapped, or the address looked up in PDOK Locatieserver (by the id
// of a picked suggestion, else as typed, in the buurt's gemeente first). When PDOK cannot be reached
// the address is saved without a place and a geocode job looks it up later.
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '$lib/database.types';
import { areaLists } from '$lib/areas/areas.server';
import { geocodeText, lookup } from '$lib/server/geocoder';
import { keepsCoordinates } from './address';

export type Place =
	| { lat: number | null; lng: number | null; address: string; later: boolean }
	| { error: 'adres_err_unknown' | 'adres_err_outside'; gemeente: string };

/** The buurt's gemeente (code and name), from the cached area lists. */
export async function gemeenteOf(db: SupabaseClient<Database>, buurtCode: string): Promise<{ code: string; naam: string } | null> {
	const lists = await areaLists(db);
	const wijk = lists.wijken.find((w) => w.code === lists.buurten.find((b) => b.code === buurtCode)?.wijk_code);
	return lists.gemeenten.find((g) => g.code === wijk?.gemeente_code) ?? null;
}

export async function resolvePlace(
	db: SupabaseClient<Database>,
	v: { address: string; addressId: string; placeOf: string; lat: number | null; lng: number | null; buurtCode: string }
): Promise<Place> {
	// A pin, or coordinates already found for this same address: nothing to look up.
	if (keepsCoordinates(v) && v.lng !== null) return { lat: v.lat, lng: v.lng, address: v.address, later: false };
	if (!v.address) return { lat: null, lng: null, address: '', later: false };
	const gemeente = await gemeenteOf(db, v.buurtCode);
	const found = v.addressId ? await lookup(v.addressId) : await geocodeText(v.address, gemeente?.naam ?? '');
	if ('error' in found) {
		if (found.error === 'unavailable') return { lat: null, lng: null, address: v.address, later: true };
		return { error: 'adres_err_unknown', gemeente: gemeente?.naam ?? '' };
	}
	if (gemeente && found.address.gemeente && found.address.gemeente !== gemeente.code) return { error: 'adres_err_outside', gemeente: gemeente.naam };
	return { lat: found.address.lat, lng: found.address.lng, address: found.address.label, later: false };
}
