import { must } from '$lib/server/db-errors';
import { loadEdition, type PublicStand } from '$lib/rommelroute/queries.server';
import type { PageServerLoad } from './$types';

// Enough for any real route on paper; the map shows the rest.
const MAX_STANDS = 2000;

export const load: PageServerLoad = async ({ locals, params }) => {
	const edition = await loadEdition(locals.supabase, params.id);
	const stands: Omit<PublicStand, 'lat' | 'lng' | 'city'>[] = [];
	for (let offset = 0; offset < MAX_STANDS; offset += 1000) {
		const batch = must(
			await locals.supabase
				.from('rommelroute_stands_public')
				.select('id, street, postcode, huisnummer, toevoeging, sells, description, shown_name')
				.eq('edition_id', edition.id)
				.order('street')
				.order('huisnummer')
				.order('toevoeging')
				.range(offset, offset + 999),
			'route list'
		);
		stands.push(...(batch as typeof stands));
		if (batch.length < 1000) break;
	}
	return { edition, stands };
};
