// geocode.initiatief and geocode.kraam: look up the place of an address saved while PDOK could not be
// reached (enqueued by the database when a row starts waiting, see 20261208130000_places_by_address.sql).
// PDOK still away: the attempt fails and the runner retries with backoff; when the job dies a trigger
// hands the row to the workers of the wijk. Not found: handed over at once. Idempotent: a row that
// has its place (or another address) since is left alone, and every update is conditional.
import type { JobHandler } from '$lib/server/jobs/runner';
import { geocode, geocodeText } from '$lib/server/geocoder';

const initiatief: JobHandler = async (payload, _job, ctx) => {
	const id = String(payload.id ?? '');
	const { data: row, error } = await ctx.db
		.from('initiatieven')
		.select('id, address, place_status, gemeente_code, gemeenten(naam)')
		.eq('id', id)
		.maybeSingle();
	if (error) throw new Error(`read initiatief: ${error.message}`);
	if (!row || !row.place_status || !row.address) return;
	const gemeente = (row.gemeenten as unknown as { naam: string } | null)?.naam ?? '';
	const found = await geocodeText(row.address, gemeente);
	if ('error' in found && found.error === 'unavailable') throw new Error('the address service is unavailable');
	const place = 'address' in found && (!found.address.gemeente || found.address.gemeente === row.gemeente_code) ? found.address : null;
	const update = place ? { lat: place.lat, lng: place.lng } : { place_status: 'plaatsen' };
	const written = await ctx.db.from('initiatieven').update(update).eq('id', id).eq('address', row.address).is('lat', null);
	if (written.error) throw new Error(`place initiatief: ${written.error.message}`);
};

const kraam: JobHandler = async (payload, _job, ctx) => {
	const id = Number(payload.id);
	const { data: row, error } = await ctx.db
		.from('rommelroute_stands')
		.select('id, postcode, huisnummer, toevoeging, place_status, rommelroute_editions(wijken(gemeente_code))')
		.eq('id', id)
		.maybeSingle();
	if (error) throw new Error(`read stand: ${error.message}`);
	if (!row || !row.place_status) return;
	const found = await geocode(row.postcode, row.huisnummer, row.toevoeging);
	if ('error' in found && found.error === 'unavailable') throw new Error('the address service is unavailable');
	const gemeente = (row.rommelroute_editions as unknown as { wijken: { gemeente_code: string } } | null)?.wijken.gemeente_code ?? '';
	const a = 'address' in found && (!found.address.gemeente || found.address.gemeente === gemeente) ? found.address : null;
	const update = a ? { lat: a.lat, lng: a.lng, street: a.street, city: a.city } : { place_status: 'plaatsen' };
	const written = await ctx.db.from('rommelroute_stands').update(update).eq('id', id).is('lat', null);
	if (written.error) throw new Error(`place stand: ${written.error.message}`);
};

export const adresHandlers: Record<string, JobHandler> = { 'geocode.initiatief': initiatief, 'geocode.kraam': kraam };
